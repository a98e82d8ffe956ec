import { ar } from "./locales/ar/checkout";
import { en, type CheckoutMessages } from "./locales/en/checkout";
import { es } from "./locales/es/checkout";
import { fr } from "./locales/fr/checkout";
import { it } from "./locales/it/checkout";
import { pt } from "./locales/pt/checkout";

// Buyer-facing strings of the checkout, the sandbox pay page and the buyer notices of the payments
// domain. `{name}` placeholders are filled with `format` from lib/i18n.

export const CHECKOUT_LOCALES = ["es", "pt", "en", "fr", "it", "ar"] as const;
export type CheckoutLocale = (typeof CHECKOUT_LOCALES)[number];

export const CHECKOUT_LANGUAGE_NAMES: Record<CheckoutLocale, string> = {
  es: "Español",
  pt: "Português",
  en: "English",
  fr: "Français",
  it: "Italiano",
  ar: "العربية",
};
export type { CheckoutMessages };

const catalogs: Record<CheckoutLocale, CheckoutMessages> = { es, pt, en, fr, it, ar };

export function checkoutMessages(locale: CheckoutLocale): CheckoutMessages {
  return catalogs[locale];
}

export function isCheckoutLocale(value: string | null | undefined): value is CheckoutLocale {
  return !!value && (CHECKOUT_LOCALES as readonly string[]).includes(value);
}

export function checkoutDir(locale: CheckoutLocale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}
