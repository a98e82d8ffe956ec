import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { zodDetails } from "@/lib/http/errors";
import { apiErrorMessages, fieldLabel, localizeApiError } from "./api-errors";
import { UI_LOCALES } from "./index";

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("API error catalog", () => {
  const reference = new Map(leaves(apiErrorMessages("en") as unknown as Tree));
  for (const locale of ["es", "pt", "ar"] as const) {
    test(`${locale} has every English key, none empty, with the same {placeholders}`, () => {
      const own = new Map(leaves(apiErrorMessages(locale) as unknown as Tree));
      expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), key).not.toBe("");
        expect(placeholders(text), key).toEqual(placeholders(reference.get(key)!));
      }
    });
  }

  test("every field-issue code zod errors map to has a sentence", () => {
    const schema = z.object({
      a: z.string(), b: z.string().min(8), c: z.string().max(2), d: z.number().int(), e: z.number().min(1), f: z.number().max(1),
      g: z.array(z.string()).min(1), h: z.array(z.string()).max(0), i: z.string().email(), j: z.string().url(), k: z.string().regex(/^x$/),
      l: z.enum(["X"]), m: z.object({}).strict(), n: z.number().positive(), o: z.union([z.number(), z.boolean()]),
    });
    const input = { b: "short", c: "long", d: 1.5, e: 0, f: 2, g: [], h: ["x"], i: "no", j: "no", k: "y", l: "Y", m: { extra: 1 }, n: 0, o: "s" };
    const details = zodDetails(schema.safeParse(input).error!, { input });
    expect(details.map((d) => d.code)).toEqual([
      "required", "too_short", "too_long", "not_integer", "too_small", "too_big", "too_few", "too_many", "invalid_email", "invalid_url", "invalid_format", "invalid_option", "unknown_field", "too_small", "invalid",
    ]);
    for (const locale of UI_LOCALES) {
      const issues = apiErrorMessages(locale).issues as Record<string, string>;
      for (const d of details) expect(issues[d.code], `${locale} ${d.code}`).toBeTruthy();
    }
  });

  // A code thrown by the seller-facing API without a translation would reach the seller in English.
  test("every error code the seller API throws is translated", () => {
    const root = join(import.meta.dirname, "../..");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith(".test.ts")) files.push(path);
      }
    };
    for (const dir of ["lib/auth", "lib/stores", "lib/team", "lib/inventory", "lib/orders", "lib/lives", "lib/live-control", "lib/billing", "lib/uploads", "lib/simulator", "lib/http", "lib/fulfilment", "app/api/v1"]) walk(join(root, dir));
    const thrown = new Set<string>();
    for (const file of files) {
      const src = readFileSync(file, "utf8");
      for (const m of src.matchAll(/(?:badRequest|conflict)\(\s*"([a-z_]+)"|new AppError\(\s*\d+,\s*"([a-z_]+)"/g)) thrown.add((m[1] ?? m[2])!);
    }
    expect(thrown.size).toBeGreaterThan(10);
    for (const locale of UI_LOCALES) {
      const codes = apiErrorMessages(locale).codes as Record<string, string>;
      expect([...thrown].filter((c) => c !== "validation_error" && !codes[c]), locale).toEqual([]);
    }
  });
});

describe("localizeApiError", () => {
  const signUp422 = {
    status: 422,
    code: "validation_error",
    message: "Invalid input — email: must be a valid email address; password: must be at least 8 characters",
    details: [
      { field: "email", code: "invalid_email", message: "must be a valid email address" },
      { field: "password", code: "too_short", params: { min: 8 }, message: "must be at least 8 characters" },
    ],
  };

  test("field issues become what to do, in the seller's language, with the field's label", () => {
    expect(localizeApiError(signUp422, "es")).toEqual({
      message: "Correo: Ingresa un correo válido, como nombre@ejemplo.com. Contraseña: La contraseña debe tener al menos 8 caracteres.",
      fields: { email: "Ingresa un correo válido, como nombre@ejemplo.com.", password: "La contraseña debe tener al menos 8 caracteres." },
    });
    expect(localizeApiError(signUp422, "en").fields.password).toBe("The password must have at least 8 characters.");
    expect(localizeApiError(signUp422, "pt").fields.password).toBe("A senha deve ter pelo menos 8 caracteres.");
    // In Arabic the number is bidi-isolated (FSI … PDI, see lib/i18n/format.ts) so it stays in place.
    expect(localizeApiError(signUp422, "ar").fields.password).toBe("يجب أن تتكوّن كلمة المرور من \u20688\u2069 أحرف على الأقل.");
  });

  test("schema paths and zod's English never reach the seller", () => {
    const payments = {
      status: 422,
      code: "validation_error",
      message: "Invalid paypal settings — credentials.clientId: Invalid input: expected string, received undefined",
      details: zodDetails(z.object({ clientId: z.string(), items: z.array(z.object({ qty: z.number().min(1) })) }).safeParse({ items: [{ qty: 0 }] }).error!, { prefix: "credentials" }),
    };
    for (const locale of UI_LOCALES) {
      const { message, fields } = localizeApiError(payments, locale);
      expect(message).not.toMatch(/credentials\.|clientId|items\.0|Invalid input|expected/);
      expect(Object.keys(fields)).toEqual(["credentials.clientId", "credentials.items.0.qty"]);
    }
    expect(localizeApiError(payments, "es").message).toBe("Client ID: Completa este campo. Cantidad: Ingresa 1 o más.");
    expect(fieldLabel("credentials.webhookSecret", "pt")).toBeTruthy();
    expect(fieldLabel("some.internal_thing", "es")).toBeNull();
  });

  test("a field without a label is described without its path", () => {
    const res = localizeApiError({ status: 422, code: "validation_error", message: "x", details: [{ field: "meta.internal_flag", code: "required", message: "Required" }] }, "es");
    expect(res.message).toBe("Completa este campo.");
  });

  test("error codes are translated with their details; unknown codes keep the server's text", () => {
    expect(localizeApiError({ status: 429, code: "rate_limited", message: "Too many attempts. Try again in 30 s.", details: { retry_after: 30 } }, "pt").message).toBe("Tentativas demais. Tente novamente em 30 segundos.");
    expect(localizeApiError({ status: 409, code: "email_taken", message: "An account with this email already exists", details: [{ field: "email", code: "taken", message: "is already registered" }] }, "es")).toEqual({
      message: "Ya existe una cuenta con este correo. Inicia sesión.",
      fields: { email: "Ya existe una cuenta con este correo. Inicia sesión." },
    });
    expect(localizeApiError({ status: 418, code: "teapot", message: "I am a teapot" }, "es").message).toBe("I am a teapot");
    expect(localizeApiError({ status: 502, code: "http_error", message: "502 Bad Gateway" }, "ar").message).toContain("502");
  });
});
