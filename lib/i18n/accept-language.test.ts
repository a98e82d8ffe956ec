import { describe, expect, test } from "vitest";
import { localeFromAcceptLanguage } from "./accept-language";
import { CHECKOUT_LOCALES } from "./languages";

describe("Accept-Language", () => {
  test("is read by quality, skipping unsupported and q=0 languages", () => {
    expect(localeFromAcceptLanguage("de;q=1, fr;q=0.4, pt-BR;q=0.7", CHECKOUT_LOCALES)).toBe("pt");
    expect(localeFromAcceptLanguage("en;q=0, it", CHECKOUT_LOCALES)).toBe("it");
    expect(localeFromAcceptLanguage("zh-CN", CHECKOUT_LOCALES)).toBeNull();
  });

  test("the dashboard's subset is the default: a checkout-only language is skipped", () => {
    expect(localeFromAcceptLanguage("fr-FR, pt;q=0.5")).toBe("pt");
    expect(localeFromAcceptLanguage("fr-FR, pt;q=0.5", CHECKOUT_LOCALES)).toBe("fr");
    expect(localeFromAcceptLanguage("ar-SA,ar;q=0.9,en;q=0.8")).toBe("ar");
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
  });

  test("equal qualities keep the header's order; spaces around parameters are tolerated", () => {
    expect(localeFromAcceptLanguage("en; q=0.8, es; q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("pt_BR")).toBe("pt");
  });
});
