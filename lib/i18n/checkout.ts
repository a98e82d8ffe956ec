import type { CheckoutLocale } from "./languages";
import { ar } from "./locales/ar/checkout";
import { en, type CheckoutMessages } from "./locales/en/checkout";
import { es } from "./locales/es/checkout";
import { fr } from "./locales/fr/checkout";
import { it } from "./locales/it/checkout";
import { pt } from "./locales/pt/checkout";

// Buyer-facing strings of the checkout, the sandbox pay page and the buyer notices of the payments
// domain. `{name}` placeholders are filled with `format` from lib/i18n.

export { CHECKOUT_LOCALES, type CheckoutLocale } from "./languages";
export type { CheckoutMessages };

const catalogs: Record<CheckoutLocale, CheckoutMessages> = { es, pt, en, fr, it, ar };

export function checkoutMessages(locale: CheckoutLocale): CheckoutMessages {
  return catalogs[locale];
}
