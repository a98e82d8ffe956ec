import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, dirOf, isUiLocale, localeFromAcceptLanguage, messages, type UiLocale } from "./index";

/** The dashboard language: the user's explicit choice (cookie), else the browser's, else Spanish. */
export async function getUiLocale(): Promise<UiLocale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isUiLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? "es";
}

export async function getMessages() {
  const locale = await getUiLocale();
  return { locale, dir: dirOf(locale), t: messages(locale) };
}
