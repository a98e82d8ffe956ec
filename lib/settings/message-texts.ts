import { z } from "zod";
import { CATALOGS } from "@/lib/i18n/bot";
import { placeholdersOf } from "@/lib/i18n/format";
import { MESSAGE_LOCALES, TONES, type MessageLocale, type TextKey, type Tone } from "@/lib/messaging/texts/types";

/** The buyer-facing texts a seller may reword in Settings → Messages (the rest are structural). */
const EDITABLE_TEXT_KEYS = ["publicReply", "publicReplySoldOut", "publicReplyAsked", "checkoutIntro", "cartUpdatedIntro", "holdUntil", "outOfStock", "reminder", "expired", "paymentReceived", "cancelDone"] as const satisfies readonly TextKey[];
export type EditableTextKey = (typeof EDITABLE_TEXT_KEYS)[number];

export type MessageTextDefaults = {
  locales: readonly MessageLocale[];
  tones: readonly Tone[];
  /** locale → tone → key → the built-in text. */
  defaults: Record<string, Record<string, Record<EditableTextKey, string>>>;
  /** key → the placeholders an override may use (those the built-in text offers in any language). */
  allowed: Record<EditableTextKey, string[]>;
};

/** What the settings form needs to show the built-in texts and check overrides before saving. */
export function messageTextDefaults(): MessageTextDefaults {
  const defaults: MessageTextDefaults["defaults"] = {};
  for (const locale of MESSAGE_LOCALES) {
    defaults[locale] = {};
    for (const tone of TONES) {
      defaults[locale][tone] = Object.fromEntries(
        EDITABLE_TEXT_KEYS.map((k) => {
          const text = CATALOGS[locale][k];
          return [k, typeof text === "string" ? text : text[tone]];
        }),
      ) as Record<EditableTextKey, string>;
    }
  }
  const allowed = Object.fromEntries(
    EDITABLE_TEXT_KEYS.map((k) => {
      const names = new Set<string>();
      for (const locale of MESSAGE_LOCALES) {
        const text = CATALOGS[locale][k];
        for (const v of typeof text === "string" ? [text] : Object.values(text)) for (const n of placeholdersOf(v)) names.add(n);
      }
      return [k, [...names].sort()];
    }),
  ) as Record<EditableTextKey, string[]>;
  return { locales: MESSAGE_LOCALES, tones: TONES, defaults, allowed };
}

/** Placeholders in an override that the built-in text does not offer (empty when the override is usable). */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  return [...placeholdersOf(template)].filter((p) => !allowed.includes(p));
}

/** Drops empty overrides so "back to default" is an empty box, and keeps only editable keys. */
export const messageTextsSchema = z.record(z.string(), z.record(z.string(), z.string()));
export function cleanOverrides(raw: z.infer<typeof messageTextsSchema>) {
  const out: Record<string, Record<string, string>> = {};
  for (const [locale, texts] of Object.entries(raw)) {
    const kept = Object.fromEntries(Object.entries(texts).filter(([k, v]) => (EDITABLE_TEXT_KEYS as readonly string[]).includes(k) && v.trim() !== "").map(([k, v]) => [k, v.trim()]));
    if (Object.keys(kept).length) out[locale] = kept;
  }
  return out;
}
