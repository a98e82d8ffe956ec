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
  const amount = typeof value === "number" ? String(value) : plainAmount(value, currency);
  if (amount === null) return null;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m) return null;
  const digits = currencyDigits(currency);
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > digits) return null;
  const minor = Number(m[1]) * 10 ** digits + Number(frac.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Currency signs a seller writes around a price: "$14.990", "R$ 49,90", "S/ 45", "US$ 19.99", "49,90 €". */
const CURRENCY_SIGN = /^(?:[A-Z]{0,3}\$|S\/\.?|€|£)\s*|\s*(?:\$|€|£)$/gi;

/**
 * A price as sellers write it → "1234.5" (digits, at most one "."), or null. Accepts the store's currency
 * sign or code around it, and thousands separators as written in Latin America, Europe and the US:
 * "14.990" and "14,990" are 14990 in a currency without decimals (CLP, COP), "1.299,90" and "1,299.90" are
 * 1299.90, "49,90" is 49.90, "1 299,90" is 1299.90, "1.299.990" is 1299990. Refused: "25.000" in a currency
 * with cents (25 or 25,000?), letters, a misplaced separator such as "1.29.9".
 */
function plainAmount(input: string, currency: string): string | null {
  let text = input.trim().replace(CURRENCY_SIGN, "").trim();
  const code = currency.toUpperCase();
  if (text.toUpperCase().startsWith(code)) text = text.slice(code.length).trim();
  if (text.toUpperCase().endsWith(code)) text = text.slice(0, -code.length).trim();
  text = text.replace(/(?<=\d)[\s\u00a0\u202f'](?=\d{3}(?:\D|$))/g, "");
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return null;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return text;
  const grouped = (integer: string, sep: string) => new RegExp(`^\\d{1,3}(?:\\${sep}\\d{3})+$`).test(integer);
  if (dots > 0 && commas > 0) {
    // The last separator is the decimal one; the other separates thousands.
    const decimal = text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    const at = text.lastIndexOf(decimal);
    const integer = text.slice(0, at);
    if ((decimal === "." ? dots : commas) !== 1 || !grouped(integer, thousands)) return null;
    return `${integer.split(thousands).join("")}.${text.slice(at + 1)}`;
  }
  const sep = dots > 0 ? "." : ",";
  if (dots + commas > 1) return grouped(text, sep) ? text.split(sep).join("") : null;
  const [integer, fraction] = text.split(sep) as [string, string];
  if (fraction.length === 3 && integer !== "0" && integer.length <= 3) {
    // "14.990" in a currency without decimals can only be thousands; "25.000" in one with cents may be 25 or
    // 25,000 ("$25.000" is 25 thousand pesos in Argentina): refused rather than guessed.
    return currencyDigits(currency) === 0 ? `${integer}${fraction}` : null;
  }
  return `${integer}.${fraction}`;
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
