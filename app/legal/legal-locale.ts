import { isUiLocale, type UiLocale } from "@/lib/i18n";
import { getUiLocale } from "@/lib/i18n/server";

/** `?lang=` (a checkout link passes the buyer's language) when it is a UI language, else the visitor's. */
export async function legalLocale(lang: string | string[] | undefined): Promise<UiLocale> {
  return typeof lang === "string" && isUiLocale(lang) ? lang : getUiLocale();
}
