import { describe, expect, test } from "vitest";
import * as register from "@/app/api/v1/auth/register/route";
import * as products from "@/app/api/v1/inventory/products/route";
import * as members from "@/app/api/v1/stores/[id]/members/route";
import { ApiError } from "@/components/dashboard/api-client";
import { call } from "./helpers/api";
import { createStoreFor, signUp, uniqueEmail } from "./helpers/factories";

// Issue 11 item 5: a validation error carries a stable code per field, still names the field in its
// message (backwards compatible), and the dashboard renders it as what to do, in the seller's language.

const asApiError = (res: { status: number; body: { error: { code: string; message: string; details?: unknown } } }, locale: "es" | "en" | "pt" | "ar") =>
  new ApiError(res.status, res.body.error.code, res.body.error.message, res.body.error.details, res.body, locale);

describe("validation errors come back with field codes and are rendered translated", () => {
  test("sign-up: a bad email and a short password", async () => {
    const res = await call(register.POST, { path: "/api/v1/auth/register", body: { email: "ana@", password: "short", full_name: "" }, headers: { "x-forwarded-for": "10.9.9.1" } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_error");
    // The message still names each field, as before.
    expect(res.body.error.message).toMatch(/email: .*password: .*full_name: /);
    expect(res.body.error.details).toEqual([
      { field: "email", code: "invalid_email", message: "must be a valid email address" },
      { field: "password", code: "too_short", params: { min: 8 }, message: "must be at least 8 characters" },
      { field: "full_name", code: "required", message: "is required" },
    ]);
    const es = asApiError(res, "es");
    expect(es.fieldErrors()).toEqual({
      email: "Ingresa un correo válido, como nombre@ejemplo.com.",
      password: "La contraseña debe tener al menos 8 caracteres.",
      full_name: "Completa este campo.",
    });
    expect(es.message).toBe("Correo: Ingresa un correo válido, como nombre@ejemplo.com. Contraseña: La contraseña debe tener al menos 8 caracteres. Nombre completo: Completa este campo.");
    expect(es.serverMessage).toBe(res.body.error.message);
    // The number is bidi-isolated in Arabic (FSI … PDI, lib/i18n/format.ts).
    expect(asApiError(res, "ar").fieldErrors().password).toBe("يجب أن تتكوّن كلمة المرور من \u20688\u2069 أحرف على الأقل.");
  });

  test("sign-up: a missing field is 'required', and an email already registered says to sign in", async () => {
    const missing = await call(register.POST, { path: "/api/v1/auth/register", body: { email: uniqueEmail(), full_name: "Ana" }, headers: { "x-forwarded-for": "10.9.9.2" } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details).toEqual([{ field: "password", code: "required", message: expect.any(String) }]);
    expect(asApiError(missing, "pt").fieldErrors()).toEqual({ password: "Preencha este campo." });

    const seller = await signUp();
    const taken = await call(register.POST, { path: "/api/v1/auth/register", body: { email: seller.email, password: "another pass 1", full_name: "Ana" }, headers: { "x-forwarded-for": "10.9.9.3" } });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "email_taken", details: [{ field: "email", code: "taken" }] });
    expect(asApiError(taken, "es").message).toBe("Ya existe una cuenta con este correo. Inicia sesión.");
    expect(asApiError(taken, "es").fieldErrors().email).toBe("Ya existe una cuenta con este correo. Inicia sesión.");
  });

  test("product form: SKU format, negative stock, price with too many decimals", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const bad = await call(products.POST, { path: "/api/v1/inventory/products", token: seller.accessToken, body: { store_id: store.id, sku: "A 12", name: "Polera", price: 100, stock: -1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([
      { field: "sku", code: "invalid_format", params: { format: "regex" }, message: expect.any(String) },
      { field: "stock", code: "too_small", params: { min: 0, inclusive: true }, message: "cannot be negative" },
    ]);
    expect(asApiError(bad, "es").fieldErrors()).toEqual({ sku: "Usa solo letras, números, «.», «_» y «-», sin espacios.", stock: "Ingresa 0 o más." });

    const price = await call(products.POST, { path: "/api/v1/inventory/products", token: seller.accessToken, body: { store_id: store.id, sku: "A12", name: "Polera", price: "10.5", stock: 1 } });
    expect(price.status).toBe(422);
    expect(price.body.error.details).toEqual([{ field: "price", code: "invalid_amount", params: { currency: "CLP" }, message: expect.stringContaining("CLP") }]);
    expect(asApiError(price, "en").message).toBe("Price: Enter an amount of 0 or more, with the decimals CLP allows.");
  });

  test("invite form: a bad email and an unknown role", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const res = await call(members.POST, { path: `/api/v1/stores/${store.id}/members`, params: { id: store.id }, token: seller.accessToken, body: { email: "not-an-email", role: "BOSS" } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([
      { field: "email", code: "invalid_email", message: expect.any(String) },
      { field: "role", code: "invalid_option", params: { options: ["OWNER", "STAFF"] }, message: expect.any(String) },
    ]);
    const pt = asApiError(res, "pt");
    expect(pt.fieldErrors()).toEqual({ email: "Digite um e-mail válido, como nome@exemplo.com.", role: "Escolha Dono ou Equipe." });
    expect(pt.message).not.toMatch(/must|Invalid|OWNER/);
  });
});
