/**
 * Keywords have one rule everywhere the seller types them (product editor, onboarding, CSV): separated
 * by ";" — the CSV cannot use "," for them since it separates columns. A "," is accepted too (people
 * type it out of habit, and a ";"-delimited CSV from Excel needs it), and so are the Arabic "؛" and
 * "،", so no separator ever ends up inside a keyword.
 */
const KEYWORD_SEPARATOR = ";";
export const MAX_KEYWORDS = 50;
export const MAX_KEYWORD_LENGTH = 60;

export function splitKeywords(text: string): string[] {
  return text
    .split(/[;,\n\u061B\u060C]/) // also the Arabic semicolon and comma (؛ ،)
    .map((k) => k.trim())
    .filter(Boolean);
}

/** Keywords are matched case-insensitively: stored lower-case, once each. */
export function normaliseKeywords(words: string[]): string[] {
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter(Boolean))];
}

/** How a list is shown in a form field, so that saving it unchanged gives the same list back. */
export function joinKeywords(keywords: string[]): string {
  return keywords.join(`${KEYWORD_SEPARATOR} `);
}
