import { localeOf, UI_LOCALES, type Locale, type UiLocale } from "./languages";

/**
 * The first language of an Accept-Language header that `supported` has (the dashboard's by default):
 * by quality, then in the header's order; `q=0` ("not this one") and unsupported languages are skipped.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): UiLocale | null;
export function localeFromAcceptLanguage<L extends Locale>(header: string | null | undefined, supported: readonly L[]): L | null;
export function localeFromAcceptLanguage(header: string | null | undefined, supported: readonly Locale[] = UI_LOCALES): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag ?? "", q: q ? Number(q) : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) {
    const locale = localeOf(supported, r.tag);
    if (locale) return locale;
  }
  return null;
}
