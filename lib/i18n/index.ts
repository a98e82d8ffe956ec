import { ar } from "./locales/ar/dashboard";
import { en, type Messages } from "./locales/en/dashboard";
import { es } from "./locales/es/dashboard";
import { pt } from "./locales/pt/dashboard";

export const UI_LOCALES = ["es", "en", "pt", "ar"] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
export const LOCALE_COOKIE = "lss_locale";

const catalogs: Record<UiLocale, Messages> = { es, en, pt, ar };

export function isUiLocale(v: string | null | undefined): v is UiLocale {
  return !!v && (UI_LOCALES as readonly string[]).includes(v);
}

export function dirOf(locale: UiLocale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

export function messages(locale: UiLocale): Messages {
  return catalogs[locale];
}

/** Picks the first supported language of an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): UiLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { lang: tag!.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.find((r) => isUiLocale(r.lang))?.lang as UiLocale | undefined ?? null;
}

export { format, isRtlText,  } from "./format";
