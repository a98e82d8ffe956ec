// The one list of languages LiveStreamSell speaks, and which surface speaks which. A surface's catalog
// files exist for exactly its subset: lib/i18n/locales/<locale>/<surface>.ts.

/** Every language of the product, in the order the checkout's language switcher lists them. */
export const LOCALES = ["es", "pt", "en", "fr", "it", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The seller's side: dashboard, account, console, payments, buyers, fulfilment, order timeline, API
 * errors, emails and invoice PDFs (Arabic with the bundled DejaVu Sans, lib/billing/pdf-rtl.ts). In the order of the dashboard's language menu.
 */
export const UI_LOCALES = ["es", "en", "pt", "ar"] as const satisfies readonly Locale[];
export type UiLocale = (typeof UI_LOCALES)[number];

/** The buyer's side: checkout and its delivery step, the order status page. */
export const CHECKOUT_LOCALES = ["es", "pt", "en", "fr", "it", "ar"] as const satisfies readonly Locale[];
export type CheckoutLocale = (typeof CHECKOUT_LOCALES)[number];

/** The bot: public replies, DMs, and the languages the comment reader recognises. */
export const MESSAGE_LOCALES = ["es", "pt", "en", "fr", "it", "ar"] as const satisfies readonly Locale[];
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];

/** Each language's name in itself, for language switchers. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  es: "Español",
  pt: "Português",
  en: "English",
  fr: "Français",
  it: "Italiano",
  ar: "العربية",
};

const RTL_LOCALES: readonly Locale[] = ["ar"];

export function dirOf(locale: Locale): "ltr" | "rtl" {
  return RTL_LOCALES.includes(locale) ? "rtl" : "ltr";
}

/** Whether `value` is exactly one of `supported` ("es", not "es-CL"). */
export function isLocaleIn<L extends Locale>(supported: readonly L[], value: string | null | undefined): value is L {
  return !!value && (supported as readonly string[]).includes(value);
}

/** A language tag ("pt_BR", "es-CL", "EN") → its base language when `supported` has it, else null. */
export function localeOf<L extends Locale>(supported: readonly L[], tag: string | null | undefined): L | null {
  if (!tag) return null;
  const base = tag.trim().replace(/_/g, "-").split("-")[0]!.toLowerCase();
  return isLocaleIn(supported, base) ? base : null;
}
