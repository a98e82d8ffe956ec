// Buyer-facing strings of the checkout's details step and the order status page (fulfilment).
// Same locales as the checkout (CHECKOUT_LOCALES); `{name}` placeholders are filled with `format`.
import { CHECKOUT_LOCALES, localeOf, type CheckoutLocale } from "./languages";
import { ar } from "./locales/ar/checkout-delivery";
import { en, type CheckoutDeliveryMessages } from "./locales/en/checkout-delivery";
import { es } from "./locales/es/checkout-delivery";
import { fr } from "./locales/fr/checkout-delivery";
import { it } from "./locales/it/checkout-delivery";
import { pt } from "./locales/pt/checkout-delivery";

export type { CheckoutDeliveryMessages };

const CATALOG: Record<CheckoutLocale, CheckoutDeliveryMessages> = { en, es, pt, ar, fr, it };

export function checkoutDeliveryMessages(locale: CheckoutLocale): CheckoutDeliveryMessages {
  return CATALOG[locale] ?? en;
}

/** The shipping line's title at a payment provider, in the buyer's language. */
export function shippingLineLabel(locale: string | null | undefined): string {
  return CATALOG[localeOf(CHECKOUT_LOCALES, (locale ?? "es").slice(0, 2)) ?? "es"].shippingLine;
}
