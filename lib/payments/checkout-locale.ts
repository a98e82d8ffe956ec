import { localeFromAcceptLanguage } from "@/lib/i18n/accept-language";
import { CHECKOUT_LOCALES, localeOf, type CheckoutLocale } from "@/lib/i18n/languages";

export const CHECKOUT_LANG_COOKIE = "lss_checkout_lang";

// Where a country's buyers most likely read: the fallback when neither the buyer, Meta nor the browser
// told us their language.
const COUNTRY_LANGUAGE: Record<string, CheckoutLocale> = {
  ...Object.fromEntries(
    ["AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "ES", "GQ", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY", "SV", "UY", "VE"].map((c) => [c, "es" as const]),
  ),
  ...Object.fromEntries(["BR", "PT", "AO", "MZ", "CV", "GW", "ST", "TL"].map((c) => [c, "pt" as const])),
  ...Object.fromEntries(["FR", "MC", "SN", "CI", "ML", "BF", "NE", "TG", "BJ", "GA", "CG", "CD", "CM", "HT"].map((c) => [c, "fr" as const])),
  ...Object.fromEntries(["IT", "SM", "VA"].map((c) => [c, "it" as const])),
  ...Object.fromEntries(
    ["AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE"].map((c) => [c, "ar" as const]),
  ),
  ...Object.fromEntries(["US", "GB", "CA", "AU", "NZ", "IE", "ZA", "SG", "IN", "PH", "JM", "TT"].map((c) => [c, "en" as const])),
};

/** "pt_BR", "es-CL", "EN" → a checkout language, or null. */
export function languageOf(tag: string | null | undefined): CheckoutLocale | null {
  return localeOf(CHECKOUT_LOCALES, tag);
}

/** The edge's country header (Vercel, Cloudflare, CloudFront, or a generic proxy) → a language. */
function languageFromCountryHeaders(headers: Headers): CheckoutLocale | null {
  const country = (headers.get("x-vercel-ip-country") ?? headers.get("cf-ipcountry") ?? headers.get("cloudfront-viewer-country") ?? headers.get("x-country-code") ?? "").trim().toUpperCase();
  return COUNTRY_LANGUAGE[country] ?? null;
}

/**
 * The checkout language, most explicit first: the buyer's own choice (?lang= or the cookie it set),
 * then the locale Meta gave for the buyer, then the browser's Accept-Language, then the country of the
 * request's IP, then the store's language, then Spanish.
 */
export function resolveCheckoutLocale(input: {
  explicit?: string | null;
  cookie?: string | null;
  buyerLocale?: string | null;
  headers: Headers;
  storeLocale?: string | null;
}): CheckoutLocale {
  return (
    languageOf(input.explicit) ??
    languageOf(input.cookie) ??
    languageOf(input.buyerLocale) ??
    localeFromAcceptLanguage(input.headers.get("accept-language"), CHECKOUT_LOCALES) ??
    languageFromCountryHeaders(input.headers) ??
    languageOf(input.storeLocale) ??
    "es"
  );
}

/** Numbers and dates: the language with the store's region (es-CL shows "$15.990"), when Intl knows it. */
export function checkoutFormattingLocale(locale: CheckoutLocale, country: string): string {
  const candidate = `${locale}-${country.toUpperCase()}`;
  return Intl.NumberFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : locale;
}
