import type { UiLocale } from "./languages";
import { ar } from "./locales/ar/order-timeline";
import { en, type TimelineMessages } from "./locales/en/order-timeline";
import { es } from "./locales/es/order-timeline";
import { pt } from "./locales/pt/order-timeline";

// The order page's timeline as a seller reads it (lib/orders/present-timeline.ts). The API keeps
// machine-readable events; these sentences name products, people and payment methods, never ids.

export type { TimelineMessages };

const catalogs: Record<UiLocale, TimelineMessages> = { en, es, pt, ar };

export function timelineMessages(locale: UiLocale): TimelineMessages {
  return catalogs[locale];
}
