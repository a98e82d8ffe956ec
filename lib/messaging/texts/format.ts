import { currencyDigits } from "@/lib/money";

// Building an Intl formatter costs far more than using one (it was the top cost of rendering a DM):
// keep them per (locale, currency) and (locale, zone). The keys come from a small set of stores and
// buyer locales; the cap only guards against a pathological stream of distinct tags.
const MAX_FORMATTERS = 500;
const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make(); // throws (RangeError) for an invalid locale, currency or zone, exactly as before; nothing is cached
    if (cache.size >= MAX_FORMATTERS) cache.clear();
    cache.set(key, v);
  }
  return v;
}

/** Integer minor units → localized currency string with the currency's own digits (CLP 0, USD 2). */
export function formatMoneyMinor(minor: number, currency: string, locale: string): string {
  const { format, digits } = remember(moneyFormats, `${locale}\u0000${currency}`, () => {
    const digits = currencyDigits(currency);
    const format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    return { format, digits };
  });
  return format.format(minor / 10 ** digits);
}

/** Clock time in the store's timezone with its short zone name, since buyers may be elsewhere. */
export function formatClockTime(date: Date, timeZone: string, locale: string): string {
  return remember(clockFormats, `${locale}\u0000${timeZone}`, () => new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" })).format(date);
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
