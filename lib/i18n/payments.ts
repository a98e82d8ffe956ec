import { localeOf, UI_LOCALES, type UiLocale } from "./languages";
import { ar } from "./locales/ar/payments";
import { en, type PaymentMessages } from "./locales/en/payments";
import { es } from "./locales/es/payments";
import { pt } from "./locales/pt/payments";

// Seller-facing strings of Settings → Payments and of the payment alerts shown in the dashboard.

export type { PaymentMessages };

const catalogs: Record<UiLocale, PaymentMessages> = { en, es, pt, ar };

export function paymentMessages(locale: UiLocale): PaymentMessages {
  return catalogs[locale];
}

/** A store locale such as "es-CL" or "pt_BR" → the dashboard catalog for it (Spanish when unknown). */
export function paymentMessagesForStoreLocale(storeLocale: string | null | undefined): PaymentMessages {
  return catalogs[localeOf(UI_LOCALES, (storeLocale ?? "").slice(0, 2)) ?? "es"];
}
