import { describe, expect, test } from "vitest";
import { checkoutFormattingLocale, resolveCheckoutLocale } from "./checkout-locale";

const h = (init: Record<string, string>) => new Headers(init);

describe("checkout language", () => {
  test("the buyer's explicit choice wins over everything else", () => {
    expect(resolveCheckoutLocale({ explicit: "pt", cookie: "en", buyerLocale: "es_LA", headers: h({ "accept-language": "fr" }), storeLocale: "es-CL" })).toBe("pt");
    expect(resolveCheckoutLocale({ cookie: "en", buyerLocale: "es_LA", headers: h({ "accept-language": "fr" }), storeLocale: "es-CL" })).toBe("en");
  });

  test("then Meta's locale for the buyer, then Accept-Language, then the IP country, then the store", () => {
    expect(resolveCheckoutLocale({ buyerLocale: "pt_BR", headers: h({ "accept-language": "en-US,en;q=0.9", "cf-ipcountry": "CL" }), storeLocale: "es-CL" })).toBe("pt");
    expect(resolveCheckoutLocale({ buyerLocale: null, headers: h({ "accept-language": "de-DE,en;q=0.8", "cf-ipcountry": "CL" }), storeLocale: "es-CL" })).toBe("en");
    expect(resolveCheckoutLocale({ headers: h({ "accept-language": "de-DE", "x-vercel-ip-country": "br" }), storeLocale: "es-CL" })).toBe("pt");
    expect(resolveCheckoutLocale({ headers: h({ "cf-ipcountry": "SA" }), storeLocale: "es-CL" })).toBe("ar");
    expect(resolveCheckoutLocale({ headers: h({}), storeLocale: "it-IT" })).toBe("it");
    expect(resolveCheckoutLocale({ explicit: "klingon", headers: h({}), storeLocale: null })).toBe("es");
  });

  test("numbers use the store's region when Intl knows the pair", () => {
    expect(checkoutFormattingLocale("es", "CL")).toBe("es-CL");
    expect(new Intl.NumberFormat(checkoutFormattingLocale("es", "CL"), { style: "currency", currency: "CLP" }).format(15990)).toBe("$15.990");
  });
});
