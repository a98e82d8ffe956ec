import { currencyDigits } from "@/lib/money";

// Wire-format conversions for payment providers. Providers speak major-unit decimals ("19.99",
// 15990) while we store integer minor units; every conversion goes through strings and BigInt so
// 19.99 can never turn into 1998.9999 and an amount with too many decimals is an error, not a
// silent rounding (a rounded amount would hide a tampered or mis-configured payment).

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

function digitsOf(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Invalid ISO 4217 currency code: ${JSON.stringify(currency)}`);
  return currencyDigits(currency);
}

/** 1999 USD → "19.99"; 15990 CLP → "15990"; 5 USD → "0.05". */
export function minorToDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Minor amount must be a safe integer, got ${minor}`);
  const digits = digitsOf(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/**
 * "19.99" USD → 1999; 19.99 USD → 1999; "15990" CLP → 15990; "100.00" JPY → 100.
 * Throws RangeError for negative, malformed or over-precise values ("19.999" USD, "15990.5" CLP).
 */
export function decimalToMinor(value: string | number, currency: string): number {
  const digits = digitsOf(currency);
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Amount must be finite, got ${value}`);
    // String(number) is the shortest round-trip form (19.99 → "19.99"); exponent forms are rejected below.
    text = String(value);
  } else {
    text = value.trim();
  }
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`Not a non-negative decimal amount: ${JSON.stringify(value)}`);
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) {
    throw new RangeError(`${currency} allows ${digits} decimal(s); got ${JSON.stringify(value)}`);
  }
  const minor = BigInt(m[1]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Amount too large: ${JSON.stringify(value)}`);
  return Number(minor);
}


