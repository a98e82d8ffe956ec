import { LANGUAGES, type Language } from "@/lib/ai";

function languageOfTag(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const base = tag.trim().replace(/_/g, "-").split("-")[0]!.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : null;
}

/**
 * The language the bot answers a comment in (and the order and checkout then follow): the comment's
 * own language when its words name one; otherwise — "SOLD A12", a code, an emoji, words that fit
 * several languages — the language this buyer last wrote in clearly, else the store's.
 */
export function replyLanguage({ detected, clear, buyerLocale, storeLocale }: { detected: string; clear: boolean; buyerLocale: string | null; storeLocale: string }): Language {
  return (clear ? languageOfTag(detected) : null) ?? languageOfTag(buyerLocale) ?? languageOfTag(storeLocale) ?? "es";
}
