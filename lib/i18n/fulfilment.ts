// Seller-facing strings of fulfilment: Settings → Delivery, the To-ship queue, pick list and packing slips.
import type { UiLocale } from "./languages";
import { ar } from "./locales/ar/fulfilment";
import { en, type FulfilmentMessages } from "./locales/en/fulfilment";
import { es } from "./locales/es/fulfilment";
import { pt } from "./locales/pt/fulfilment";

export type { FulfilmentMessages };

const CATALOG: Record<UiLocale, FulfilmentMessages> = { en, es, pt, ar };

export function fulfilmentMessages(locale: UiLocale): FulfilmentMessages {
  return CATALOG[locale] ?? es;
}
