import { describe, expect, test } from "vitest";
import { paymentMessages } from "@/lib/i18n/payments";
import { format, UI_LOCALES } from "@/lib/i18n";
import { normalizeAccountType, transferDetailsInput } from "./gateways/credentials";
import { settingsIssues, type SettingsIssueCode } from "./payment-config-issues";

describe("payment settings errors a seller can read", () => {
  test("zod issues become one coded issue per setting, without schema wording", () => {
    const values = { bankName: "Banco", accountHolder: "", accountType: "la de siempre", email: "ana@" };
    const parsed = transferDetailsInput.safeParse(values);
    expect(parsed.success).toBe(false);
    const issues = settingsIssues(parsed.error!.issues, values);
    expect(Object.fromEntries(issues.map((i) => [i.field, i.code]))).toEqual({
      "credentials.accountHolder": "required",
      "credentials.accountNumber": "required",
      "credentials.accountType": "invalid_choice",
      "credentials.email": "invalid_email",
    });
    expect(JSON.stringify(issues)).not.toMatch(/Invalid|expected|received/);
  });

  test("every code reads as a sentence naming the field in es, en, pt and ar", () => {
    const codes: SettingsIssueCode[] = ["required", "invalid_email", "invalid_choice", "too_long", "invalid", "unknown_field", "not_configured"];
    for (const locale of UI_LOCALES) {
      const t = paymentMessages(locale);
      for (const code of codes) {
        const text = format(t.errors[code], { field: t.fields.accountNumber });
        expect(text, `${locale} ${code}`).not.toMatch(/\{field\}|credentials\.|_/);
        if (code !== "not_configured") expect(text).toContain(t.fields.accountNumber);
      }
    }
  });

  test("older free-text account types map to the choice they name", () => {
    expect(normalizeAccountType("Cuenta Corriente")).toBe("checking");
    expect(normalizeAccountType("cuenta vista")).toBe("vista");
    expect(normalizeAccountType("CuentaRUT")).toBe("vista");
    expect(normalizeAccountType("Poupança")).toBe("savings");
    expect(normalizeAccountType("T")).toBeNull();
  });
});
