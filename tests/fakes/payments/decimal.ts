// The fakes' own decimal arithmetic, deliberately independent of lib/payments/money.ts so a bug there
// cannot hide behind an identical bug here.

export function decimalPlaces(value: string): number {
  const dot = value.indexOf(".");
  return dot === -1 ? 0 : value.length - dot - 1;
}

/** "19.99" with 2 digits → 1999n; null when the text is not a plain non-negative decimal. */
export function toUnits(value: string | number, digits: number): bigint | null {
  const raw = typeof value === "number" ? String(value) : value;
  const text = raw.startsWith(".") ? `0${raw}` : raw;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > digits) return null;
  return BigInt(m[1]!) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, "0") || "0");
}

export function fromUnits(units: bigint, digits: number): string {
  if (digits === 0) return units.toString();
  const s = units.toString().padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
