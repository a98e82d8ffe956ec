// Seller-facing strings of the buyers CRM, the post-live report, the overview's winners and the buyer
// rules in Settings (issue 19).
import type { UiLocale } from "./languages";
import { ar } from "./locales/ar/buyers";
import { en, type BuyersMessages } from "./locales/en/buyers";
import { es } from "./locales/es/buyers";
import { pt } from "./locales/pt/buyers";

export type { BuyersMessages };

const CATALOG: Record<UiLocale, BuyersMessages> = { en, es, pt, ar };

export function buyersMessages(locale: UiLocale): BuyersMessages {
  return CATALOG[locale] ?? es;
}
