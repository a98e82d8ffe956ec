import type { UiLocale } from "./languages";
import { ar } from "./locales/ar/invoice-pdf";
import { en, type InvoicePdfLabels } from "./locales/en/invoice-pdf";
import { es } from "./locales/es/invoice-pdf";
import { pt } from "./locales/pt/invoice-pdf";

const LABELS: Record<UiLocale, InvoicePdfLabels> = { es, en, pt, ar };

export function invoicePdfLabels(locale: UiLocale): InvoicePdfLabels {
  return LABELS[locale];
}
