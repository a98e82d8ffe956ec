import type { FieldIssue } from "@/lib/http/errors";
import { brazilStateOfCep, countryRule } from "./countries";
import { canonicalRegion } from "./region-aliases";
import type { Address, AddressInput } from "./schemas";

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** The address in its stored form, checked against the country's postal-code rules; issues name `address.<field>`. */
export function normalizeAddress(input: AddressInput, storeCountry: string): { address: Address; issues: FieldIssue[] } {
  const country = (input.country ?? storeCountry).toUpperCase();
  const rule = countryRule(country);
  const issues: FieldIssue[] = [];
  let postal = input.postal_code?.trim() || null;
  let region = input.region.trim();
  if (rule?.postal) {
    if (!postal && rule.postal.required) issues.push({ field: "address.postal_code", code: "required", message: "is required" });
    else if (postal && !rule.postal.pattern.test(postal)) {
      issues.push({ field: "address.postal_code", code: "invalid_postal_code", params: { example: rule.postal.example }, message: `must look like ${rule.postal.example}` });
    }
  }
  if (country === "BR" && postal) {
    const digits = postal.replace(/\D/g, "");
    if (digits.length === 8) postal = `${digits.slice(0, 5)}-${digits.slice(5)}`;
    region = region.toUpperCase().length === 2 ? region.toUpperCase() : region;
    if (!region) region = brazilStateOfCep(postal) ?? "";
  }
  if (country === "AR" && postal) postal = postal.toUpperCase();
  return {
    address: { line1: input.line1.trim(), line2: input.line2?.trim() || null, city: input.city.trim(), region, postal_code: postal, country },
    issues,
  };
}

/** Equal keys mean the same destination (case, accents and spacing aside): such orders can ship together. */
export function addressKeyOf(address: Address): string {
  const key = [address.line1, address.line2 ?? "", address.city, address.region, (address.postal_code ?? "").replace(/\W/g, ""), address.country].map(fold);
  key[3] = canonicalRegion(address.country, key[3]!);
  return key.join("|");
}

/**
 * Whether a method's zones cover an address: empty zones serve the whole country; otherwise a zone names the
 * city/commune or the region (accents, case and the usual short names ignored: lib/fulfilment/region-aliases.ts),
 * or is a prefix of the postal code.
 */
export function zonesServe(zones: string[], address: Address | null, storeCountry: string): boolean {
  if (address && address.country !== storeCountry.toUpperCase()) return false;
  if (zones.length === 0) return true;
  if (!address) return true; // not known yet: offered, checked again once the address is typed
  const city = fold(address.city);
  const region = canonicalRegion(address.country, fold(address.region));
  const postal = (address.postal_code ?? "").replace(/\W/g, "").toLowerCase();
  return zones.some((z) => {
    const zone = fold(z);
    if (!zone) return false;
    // A zone names the city or commune, or the region however either side writes it ("RM", "CDMX", "CABA", "SP").
    if (zone === city || canonicalRegion(address.country, zone) === region) return true;
    const zoneDigits = z.replace(/\W/g, "").toLowerCase();
    return /\d/.test(zoneDigits) && postal.length > 0 && postal.startsWith(zoneDigits);
  });
}
