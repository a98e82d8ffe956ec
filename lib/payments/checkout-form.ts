import { languageOf, CHECKOUT_LANG_COOKIE } from "./checkout-locale";

/** Reads a small urlencoded or multipart form; null when the body is not a form. */
export async function readForm(req: Request): Promise<FormData | null> {
  try {
    return await req.formData();
  } catch {
    return null;
  }
}

export function formString(form: FormData | null, name: string): string | null {
  const v = form?.get(name);
  return typeof v === "string" ? v : null;
}

/** The buyer's language choice travels with every form; remembered for a year, for the checkout and the sandbox page alike. */
export function languageCookie(lang: string | null): Record<string, string> {
  const l = languageOf(lang);
  return l ? { "Set-Cookie": `${CHECKOUT_LANG_COOKIE}=${l}; Path=/; Max-Age=31536000; SameSite=Lax` } : {};
}
