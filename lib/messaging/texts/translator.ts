import { CATALOGS } from "@/lib/i18n/bot";
import { format, placeholdersOf, type FormatVars } from "@/lib/i18n/format";
import { formatClockTime, formatMoneyMinor, isolate } from "./format";
import { formattingLocale, resolveMessageLocale } from "./locale";
import { TEXT_KEYS, type MessageLocale, type TextKey, type TextOverrides, type Tone, type ToneText } from "./types";

/** A store's text overrides, one set per language. */
export type StoreTextOverrides = Partial<Record<MessageLocale, TextOverrides>>;

/** What every renderer needs to pick and format its words. */
export type TextOptions = {
  /** The buyer's language as detected from the comment (BCP 47), when known. */
  locale?: string | null;
  /** The store's default locale, e.g. "es-CL"; also supplies the region for number formats. */
  storeLocale?: string | null;
  tone?: Tone;
  overrides?: StoreTextOverrides;
};

export type Texts = {
  locale: MessageLocale;
  rtl: boolean;
  t(key: TextKey, vars?: FormatVars): string;
  money(minor: number, currency: string): string;
  time(date: Date, timeZone: string): string;
};

function pick(text: ToneText, tone: Tone): string {
  return typeof text === "string" ? text : text[tone];
}

// A seller's override may only use the placeholders the built-in text offers for that key, so an
// override can never pull a checkout link or a price into a message that must not show one.
const ALLOWED_PLACEHOLDERS: Record<TextKey, Set<string>> = Object.fromEntries(
  TEXT_KEYS.map((key) => {
    const names = new Set<string>();
    for (const catalog of Object.values(CATALOGS)) {
      const text = catalog[key];
      for (const variant of typeof text === "string" ? [text] : Object.values(text)) {
        for (const n of placeholdersOf(variant)) names.add(n);
      }
    }
    return [key, names];
  }),
) as Record<TextKey, Set<string>>;

function isUsableOverride(key: TextKey, template: string | undefined): template is string {
  if (!template || template.trim() === "") return false;
  return [...placeholdersOf(template)].every((n) => ALLOWED_PLACEHOLDERS[key].has(n));
}

export function createTexts(options: TextOptions): Texts {
  const locale = resolveMessageLocale({ requested: options.locale, storeDefault: options.storeLocale });
  const tone = options.tone ?? "friendly";
  const overrides = options.overrides?.[locale];
  const rtl = locale === "ar";
  const numberLocale = formattingLocale({ locale, requested: options.locale, storeDefault: options.storeLocale });
  const catalog = CATALOGS[locale];
  return {
    locale,
    rtl,
    t(key, vars = {}) {
      const override = overrides?.[key];
      const template = isUsableOverride(key, override) ? override : pick(catalog[key], tone);
      // Links stay bare: Messenger's link detection would swallow the isolate marks.
      const isolated: FormatVars = rtl
        ? Object.fromEntries(
            Object.entries(vars).map(([k, v]) => [k, v === null || v === undefined || v === "" || k === "url" ? v : isolate(String(v), true)]),
          )
        : vars;
      return format(template, isolated, { isolate: false, optional: true }).replace(/[ \t]{2,}/g, " ").trim();
    },
    money: (minor, currency) => formatMoneyMinor(minor, currency, numberLocale),
    time: (date, timeZone) => formatClockTime(date, timeZone, numberLocale),
  };
}
