import { isLocaleIn, UI_LOCALES, type UiLocale } from "./languages";
import { ar } from "./locales/ar/dashboard";
import { en, type Messages } from "./locales/en/dashboard";
import { es } from "./locales/es/dashboard";
import { pt } from "./locales/pt/dashboard";

export { UI_LOCALES, dirOf, type UiLocale } from "./languages";
export { localeFromAcceptLanguage } from "./accept-language";
export const LOCALE_COOKIE = "lss_locale";

const catalogs: Record<UiLocale, Messages> = { es, en, pt, ar };

export function isUiLocale(v: string | null | undefined): v is UiLocale {
  return isLocaleIn(UI_LOCALES, v);
}

/** The dashboard catalog of a language. */
export function messages(locale: UiLocale): Messages {
  return catalogs[locale];
}

export { format, isRtlText } from "./format";
