// Money is an integer in minor units plus an ISO 4217 currency. Conversions are done on strings and
// integers only, so 19.99 never becomes 1998.9999.

const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  let d = digitsCache.get(code);
  if (d === undefined) {
    d = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(code, d);
  }
  return d;
}

export function isCurrency(code: string) {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code);
}

/** "19.99" USD → 1999; "15990" CLP → 15990. Returns null when the value has more decimals than the currency allows. */
export function parseMajorToMinor(value: string | number, currency: string): number | null {
  const text = typeof value === "number" ? String(value) : value.trim().replace(",", ".");
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const digits = currencyDigits(currency);
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > digits) return null;
  const minor = Number(m[1]) * 10 ** digits + Number(frac.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** 1999 USD → "19.99"; 15990 CLP → "15990". */
function minorToMajorString(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const s = String(abs).padStart(digits + 1, "0");
  return `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

export function minorToMajor(minor: number, currency: string): number {
  return Number(minorToMajorString(minor, currency));
}

/**
 * The one money display of the app: formatMoney(15990, "CLP", "es-CL") → "$15.990". Formats the exact
 * decimal string, never a float, so the largest safe amounts keep every digit. (The messaging hot path
 * uses lib/messaging/texts/format.ts, which caches the formatter per locale and currency.)
 */
export function formatMoney(minor: number, currency: string, locale = "es"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minorToMajorString(minor, currency) as Intl.StringNumericLiteral);
}
