import { isLocaleIn, MESSAGE_LOCALES, type MessageLocale } from "@/lib/i18n/languages";

const isMessageLocale = (v: string): v is MessageLocale => isLocaleIn(MESSAGE_LOCALES, v);

// Tags come from a handful of stores and buyers; canonicalising and checking support are costly Intl calls.
const MAX_CACHED = 500;
const canonicalTags = new Map<string, string | null>();
const formattingLocales = new Map<string, string>();

function canonical(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const hit = canonicalTags.get(tag);
  if (hit !== undefined) return hit;
  let value: string | null;
  try {
    value = Intl.getCanonicalLocales(tag.replace(/_/g, "-"))[0] ?? null;
  } catch {
    value = null;
  }
  if (canonicalTags.size >= MAX_CACHED) canonicalTags.clear();
  canonicalTags.set(tag, value);
  return value;
}

function catalogFor(tag: string | null | undefined): MessageLocale | null {
  const c = canonical(tag);
  if (!c) return null;
  const lower = c.toLowerCase();
  if (isMessageLocale(lower)) return lower;
  const language = lower.split("-")[0]!;
  return isMessageLocale(language) ? language : null;
}

/** Buyer's language → its base language → the store's default → Spanish. */
export function resolveMessageLocale({
  requested,
  storeDefault,
}: {
  requested?: string | null;
  storeDefault?: string | null;
}): MessageLocale {
  return catalogFor(requested) ?? catalogFor(storeDefault) ?? "es";
}

/**
 * The BCP 47 tag used for numbers and dates: the buyer's own tag when it names a region (es-CL),
 * otherwise the buyer's language with the store's region, so a Chilean store shows "$15.990" to a
 * Spanish speaker and "CLP 15,990" to an English one.
 */
export function formattingLocale({
  locale,
  requested,
  storeDefault,
}: {
  locale: MessageLocale;
  requested?: string | null;
  storeDefault?: string | null;
}): string {
  const key = `${locale}\u0000${requested ?? ""}\u0000${storeDefault ?? ""}`;
  const hit = formattingLocales.get(key);
  if (hit !== undefined) return hit;
  const value = computeFormattingLocale(locale, requested, storeDefault);
  if (formattingLocales.size >= MAX_CACHED) formattingLocales.clear();
  formattingLocales.set(key, value);
  return value;
}

function computeFormattingLocale(locale: MessageLocale, requested: string | null | undefined, storeDefault: string | null | undefined): string {
  const req = canonical(requested);
  if (req && req.split("-")[0]!.toLowerCase() === locale && /-[A-Z]{2}\b|-\d{3}\b/.test(req)) return req;
  const store = canonical(storeDefault);
  const region = store ? /-([A-Z]{2}|\d{3})\b/.exec(store)?.[1] : undefined;
  const candidate = region ? `${locale}-${region}` : locale;
  return Intl.NumberFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : locale;
}
