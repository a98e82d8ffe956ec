// Consumer prices in these countries include VAT; the checkout shows the VAT part, it never adds it.
const INCLUDED_VAT_BPS: Record<string, number> = { CL: 1900, MX: 1600, AR: 2100, PE: 1800, CO: 1900, ES: 2100, UY: 2200, PT: 2300, FR: 2000, IT: 2200, BR: 0 };

export function includedVat({ totalMinor, country }: { totalMinor: number; country: string }) {
  const bps = INCLUDED_VAT_BPS[country] ?? 0;
  if (!bps) return { taxMinor: 0, rateBps: 0 };
  return { taxMinor: Math.round((totalMinor * bps) / (10_000 + bps)), rateBps: bps };
}
