import { z } from "zod";
import { localeOf, MESSAGE_LOCALES, type MessageLocale } from "@/lib/i18n/languages";

export const INTENTS = ["BUY", "QUESTION", "GREETING", "CANCEL", "OPT_OUT", "OTHER"] as const;
export type Intent = (typeof INTENTS)[number];

/** The languages the comment reader tells apart: the bot's (lib/i18n/languages.ts). */
export const LANGUAGES = MESSAGE_LOCALES;
export type Language = MessageLocale;

/**
 * How far a comment itself names its language:
 * - "clear": its words single out one language (more of them fit it than any other), or it is in Arabic script;
 * - "ambiguous": it has words, but they fit several languages equally, or none the lexicon knows;
 * - "neutral": nothing but codes, numbers, sizes, emoji, laughter and claim words every live audience
 *   uses ("SOLD", "mine", "me", "ok", "plis").
 * Replies follow a clear language; otherwise the buyer's known language or the store's.
 */
const LANGUAGE_EVIDENCE = ["clear", "ambiguous", "neutral"] as const;
export type LanguageEvidence = (typeof LANGUAGE_EVIDENCE)[number];

/**
 * Below this confidence a BUY must not reserve stock on its own: the pipeline asks the buyer
 * (quick replies with the candidates) or queues the comment for the seller. The same bar decides
 * when the rules engine hands a comment to the LLM.
 */
export const BUY_CONFIDENCE_THRESHOLD = 0.75;

export const catalogProductSchema = z.object({
  sku: z.string().min(1),
  name: z.string(),
  keywords: z.array(z.string()).default([]),
  color: z.string().nullish(),
  size: z.string().nullish(),
  group: z.string().nullish(),
  description: z.string().nullish(),
  available: z.number().int().optional(),
});

export interface CatalogProduct {
  sku: string;
  name: string;
  keywords: string[];
  color?: string | null;
  size?: string | null;
  /** Products that differ only by size and colour share a group ("Camisa Azul": S, L). */
  group?: string | null;
  description?: string | null;
  available?: number;
}

export interface RulesDecision {
  intent: Intent;
  /** A catalog SKU, exactly as the catalog spells it; null when no single product matches. */
  sku: string | null;
  /** Integer ≥ 1 for BUY, null otherwise. */
  quantity: number | null;
  confidence: number;
  language: Language;
  languageEvidence: LanguageEvidence;
  /** Short explanation built from lexicon entries and SKUs only (never echoes raw input). */
  reason: string;
  /** SKUs the comment could refer to when it does not single one out (then `sku` is null). */
  candidates?: string[];
  /** No product matched: the catalog products closest to what the buyer wrote, for "which product?". */
  closest?: string[];
  /** What a question asks that the catalog can answer (price, stock, sizes, colours); [] when none. */
  topics?: Array<"price" | "stock" | "size" | "color">;
  /** OPT_OUT only: the buyer also asked for their personal data to be erased. */
  erase: boolean;
  /** The comment carries purchase cues (verb, claim, product) even if the decision is not BUY. */
  buySignal: boolean;
}

export function languageOfLocale(locale: string | null | undefined): Language | null {
  return locale ? localeOf(LANGUAGES, locale.slice(0, 2)) : null;
}
