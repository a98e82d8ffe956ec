import { PDF_LOCALES, type PdfLocale, type UiLocale } from "./languages";
import { en, type InvoicePdfLabels } from "./locales/en/invoice-pdf";
import { es } from "./locales/es/invoice-pdf";
import { pt } from "./locales/pt/invoice-pdf";
import { ar } from "./locales/ar/invoice-pdf";

const LABELS: Record<PdfLocale, InvoicePdfLabels> = { es, en, pt, ar };

/** The PDF's language for a dashboard language (all of them have PDF labels). */
export function pdfLocaleOf(locale: UiLocale): PdfLocale {
  return (PDF_LOCALES as readonly string[]).includes(locale) ? (locale as PdfLocale) : "en";
}

export function invoicePdfLabels(locale: PdfLocale): InvoicePdfLabels {
  return LABELS[locale];
}
