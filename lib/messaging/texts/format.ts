import { currencyDigits } from "@/lib/money";

/** Integer minor units → localized currency string with the currency's own digits (CLP 0, USD 2). */
export function formatMoneyMinor(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** Clock time in the store's timezone with its short zone name, since buyers may be elsewhere. */
export function formatClockTime(date: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date);
}

/**
 * Wraps a value in Unicode first-strong isolates inside right-to-left text, so a Latin product name
 * or a "$15.990" does not reorder the Arabic sentence around it.
 */
export function isolate(value: string, rtl: boolean): string {
  return rtl ? `\u2068${value}\u2069` : value;
}

/** Buyer names go into public comments: first name only, one line, no mention syntax. */
export function displayFirstName(name: string | null | undefined): string {
  if (!name) return "";
  const first = name.replace(/[@\n\r\t[\]{}]/g, " ").trim().split(/\s+/)[0] ?? "";
  return Array.from(first).slice(0, 30).join("");
}
