import type { UiLocale } from "./languages";
import { ar } from "./locales/ar/delivery-suggestions";
import { en, type SuggestedDeliveryTexts } from "./locales/en/delivery-suggestions";
import { es } from "./locales/es/delivery-suggestions";
import { pt } from "./locales/pt/delivery-suggestions";

const TEXTS: Record<UiLocale, SuggestedDeliveryTexts> = { es, pt, en, ar };

export function suggestedDeliveryTexts(locale: UiLocale): SuggestedDeliveryTexts {
  return TEXTS[locale];
}
