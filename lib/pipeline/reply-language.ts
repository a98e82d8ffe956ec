import { LANGUAGES, type Language } from "@/lib/ai";
import { localeOf } from "@/lib/i18n/languages";

const languageOfTag = (tag: string | null | undefined): Language | null => localeOf(LANGUAGES, tag);

/**
 * The language the bot answers a comment in (and the order and checkout then follow): the comment's
 * own language when its words name one; otherwise — "SOLD A12", a code, an emoji, words that fit
 * several languages — the language this buyer last wrote in clearly, else the store's.
 */
export function replyLanguage({ detected, clear, buyerLocale, storeLocale }: { detected: string; clear: boolean; buyerLocale: string | null; storeLocale: string }): Language {
  return (clear ? languageOfTag(detected) : null) ?? languageOfTag(buyerLocale) ?? languageOfTag(storeLocale) ?? "es";
}
