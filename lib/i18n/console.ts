import type { UiLocale } from "./languages";
import { ar } from "./locales/ar/console";
import { en, type ConsoleMessages } from "./locales/en/console";
import { es } from "./locales/es/console";
import { pt } from "./locales/pt/console";

// The operator console (/admin), the seller's Settings → Billing and Help → Support. A catalog of its
// own (same shape in every language, checked by console.test.ts) so these screens can be merged apart
// from the dashboard catalog.

export type { ConsoleMessages };

const catalogs: Record<UiLocale, ConsoleMessages> = { en, es, pt, ar };

export function consoleMessages(locale: UiLocale): ConsoleMessages {
  return catalogs[locale];
}
