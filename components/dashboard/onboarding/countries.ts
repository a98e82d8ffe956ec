import { LANGUAGE_NAMES, type Locale } from "@/lib/i18n/languages";

/** Countries offered at sign-up with their usual currency, locale and time zone (all editable). */
export const COUNTRIES = [
  { code: "CL", name: "Chile", currency: "CLP", locale: "es-CL", timezone: "America/Santiago" },
  { code: "MX", name: "México", currency: "MXN", locale: "es-MX", timezone: "America/Mexico_City" },
  { code: "AR", name: "Argentina", currency: "ARS", locale: "es-AR", timezone: "America/Argentina/Buenos_Aires" },
  { code: "PE", name: "Perú", currency: "PEN", locale: "es-PE", timezone: "America/Lima" },
  { code: "CO", name: "Colombia", currency: "COP", locale: "es-CO", timezone: "America/Bogota" },
  { code: "UY", name: "Uruguay", currency: "UYU", locale: "es-UY", timezone: "America/Montevideo" },
  { code: "EC", name: "Ecuador", currency: "USD", locale: "es-EC", timezone: "America/Guayaquil" },
  { code: "ES", name: "España", currency: "EUR", locale: "es-ES", timezone: "Europe/Madrid" },
  { code: "BR", name: "Brasil", currency: "BRL", locale: "pt-BR", timezone: "America/Sao_Paulo" },
  { code: "PT", name: "Portugal", currency: "EUR", locale: "pt-PT", timezone: "Europe/Lisbon" },
  { code: "US", name: "United States", currency: "USD", locale: "en", timezone: "America/New_York" },
  { code: "GB", name: "United Kingdom", currency: "GBP", locale: "en", timezone: "Europe/London" },
  { code: "AE", name: "الإمارات", currency: "AED", locale: "ar", timezone: "Asia/Dubai" },
  { code: "SA", name: "السعودية", currency: "SAR", locale: "ar", timezone: "Asia/Riyadh" },
  { code: "EG", name: "مصر", currency: "EGP", locale: "ar", timezone: "Africa/Cairo" },
  { code: "MA", name: "المغرب", currency: "MAD", locale: "ar", timezone: "Africa/Casablanca" },
] as const;

export const STORE_LOCALES = ["es-CL", "es-MX", "es-AR", "es-PE", "es-CO", "es-UY", "es-EC", "es-ES", "pt-BR", "pt-PT", "en", "ar", "fr", "it"] as const;

export function localeLabel(l: string) {
  const [lang, region] = l.split("-");
  return region ? `${LANGUAGE_NAMES[lang as Locale] ?? lang} (${region})` : (LANGUAGE_NAMES[lang as Locale] ?? l);
}
