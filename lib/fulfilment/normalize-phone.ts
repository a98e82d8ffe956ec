import { getExampleNumber, isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/min";
import mobileExamples from "libphonenumber-js/examples.mobile.json";
import { countryOfCallingCode, countryRule } from "./countries";

export type PhoneResult = { ok: true; e164: string } | { ok: false; code: "invalid_phone"; params: { example: string } };

const EXAMPLES: Record<string, string> = { CL: "+56 9 1234 5678", MX: "+52 55 1234 5678", BR: "+55 11 91234 5678", AR: "+54 9 11 1234 5678" };

/** How a phone of the country is written, for placeholders and error messages. */
export function phoneExampleFor(country: string): string {
  const code = country.toUpperCase();
  // Elsewhere a mobile number of the country as libphonenumber knows it: "+212 650-123456", "+33 6 12 34 56 78".
  return EXAMPLES[code] ?? (isSupportedCountry(code) ? getExampleNumber(code, mobileExamples)?.formatInternational() : undefined) ?? "+1 415 555 2671";
}

/**
 * A buyer's phone in E.164 ("+56912345678"). Without a leading + (or 00) the number is read as one of the
 * store's country; with one, the calling code decides the country whose length rules apply.
 */
export function normalizePhone({ phone, country }: { phone: string; country: string }): PhoneResult {
  const example = phoneExampleFor(country);
  const fail = { ok: false as const, code: "invalid_phone" as const, params: { example } };
  const trimmed = phone.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed) || !/\d/.test(trimmed)) return fail;
  let digits = trimmed.replace(/\D/g, "");
  let international = trimmed.startsWith("+");
  if (!international && digits.startsWith("00")) {
    digits = digits.slice(2);
    international = true;
  }
  let code: string;
  let national: string;
  let rule;
  if (international) {
    const match = countryOfCallingCode(digits);
    if (!match) return fromLibrary(`+${digits}`) ?? fail;
    code = match.code;
    national = digits.slice(code.length);
    rule = countryRule(match.country);
  } else {
    rule = countryRule(country);
    // A country without rules of its own (France, Morocco, Italy…): libphonenumber's, so "06 12 34 56 78" in
    // France is +33 6 12 34 56 78, never "+612345678".
    if (!rule) return fromLibrary(trimmed, country) ?? fail;
    code = rule.callingCode;
    // A number typed with its calling code but no "+": "56912345678".
    national = digits.startsWith(code) && !rule.nationalLengths.includes(digits.length) ? digits.slice(code.length) : digits;
  }
  // Old Mexican mobile prefixes dialled from a landline: "044 55 1234 5678", "045 …".
  if (code === "52" && /^04[45]\d{10}$/.test(national)) national = national.slice(3);
  national = national.replace(/^0+/, ""); // trunk prefix
  if (code === "52" && national.length === 11 && national.startsWith("1")) national = national.slice(1); // old Mexican mobile "1"
  if (code === "54") national = argentineMobile(national);
  if (!rule!.nationalLengths.includes(national.length)) return fail;
  return { ok: true, e164: `+${code}${national}` };
}

/**
 * Argentine mobiles as written at home: area code, then "15", then the number ("011 15-1234-5678",
 * "351 15 123 4567") — internationally "9", the area code and the number (+54 9 11 1234 5678).
 */
function argentineMobile(national: string): string {
  if (national.length !== 12) return national;
  for (const areaLength of [2, 3, 4]) {
    if (national.slice(areaLength, areaLength + 2) === "15") return `9${national.slice(0, areaLength)}${national.slice(areaLength + 2)}`;
  }
  return national;
}

/** libphonenumber-js (its compact metadata) for the countries and calling codes this file has no rule for. */
function fromLibrary(text: string, country?: string): PhoneResult | null {
  const code = country?.toUpperCase();
  const parsed = parsePhoneNumberFromString(text, code && isSupportedCountry(code) ? code : undefined);
  return parsed?.isValid() ? { ok: true, e164: parsed.number } : null;
}
