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

// Where written Spanish uses the 24-hour clock ("hasta las 12:06") although CLDR's regional default is
// 12-hour ("12:06 p. m."): Chile, Argentina, Uruguay and Paraguay. Elsewhere the locale's own habit holds.
const TWENTY_FOUR_HOUR = new Set(["es-CL", "es-AR", "es-UY", "es-PY"]);

function hourCycleFor(locale: string): "h23" | undefined {
  const [language, region] = locale.split("-");
  return region && TWENTY_FOUR_HOUR.has(`${language!.toLowerCase()}-${region.toUpperCase()}`) ? "h23" : undefined;
}

/**
 * Clock time as the buyer's locale writes it, in the store's timezone ("12:06" for es-CL, "12:06 PM" for
 * en). No zone name: "GMT-3" reads as noise to a buyer watching the store's own live, who is almost
 * always in its timezone, and the checkout page counts down the remaining minutes anyway.
 */
export function formatClockTime(date: Date, timeZone: string, locale: string): string {
  return remember(clockFormats, `${locale}\u0000${timeZone}`, () => {
    const forced = hourCycleFor(locale);
    const base = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone, ...(forced && { hourCycle: forced }) });
    const { hourCycle } = base.resolvedOptions();
    // A 24-hour clock is written with two-digit hours ("08:30"), a 12-hour one without ("8:30 AM").
    return hourCycle === "h23" || hourCycle === "h24"
      ? new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone, hourCycle })
      : base;
  }).format(date);
}

const dayTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Day and clock time ("7 dic, 14:07" for es-CL), for deadlines days away (a bank-transfer receipt keeps
 * the reservation for up to 48 h by default). Same clock habits as formatClockTime, no zone name.
 */
export function formatDayTime(date: Date, timeZone: string, locale: string): string {
  return remember(dayTimeFormats, `${locale}\u0000${timeZone}`, () => {
    const forced = hourCycleFor(locale);
    return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", hour: forced ? "2-digit" : "numeric", minute: "2-digit", timeZone, ...(forced && { hourCycle: forced }) });
  }).format(date);
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
