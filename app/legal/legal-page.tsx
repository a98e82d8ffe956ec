import { PublicShell } from "@/components/auth/public-shell";
import { LegalDocument } from "@/components/legal/legal-document";
import { dirOf, format, messages } from "@/lib/i18n";
import { accountMessages } from "@/lib/i18n/account";
import { legalDetails, LEGAL_UPDATED } from "@/lib/legal/legal-details";
import { legalLocale } from "./legal-locale";

export type LegalSearch = Promise<{ store?: string | string[]; lang?: string | string[] }>;
type Kind = "privacy" | "terms";

const TEXTS = {
  privacy: { title: "privacyTitle", intro: "privacyIntro", sections: "privacySections" },
  terms: { title: "termsTitle", intro: "termsIntro", sections: "termsSections" },
} as const;

/** The page title, in the language the page is shown in. */
export async function legalMetadata(kind: Kind, searchParams: LegalSearch) {
  return { title: accountMessages(await legalLocale((await searchParams).lang)).legal[TEXTS[kind].title] };
}

/**
 * The privacy policy or the terms of use, templated with the platform's details and, from a checkout
 * (`?store=`), the store's.
 */
export async function LegalPage({ kind, searchParams }: { kind: Kind; searchParams: LegalSearch }) {
  const sp = await searchParams;
  const locale = await legalLocale(sp.lang);
  const t = accountMessages(locale).legal;
  const keys = TEXTS[kind];
  const d = await legalDetails({ storeId: typeof sp.store === "string" ? sp.store : null });
  const vars = { platform: d.platform, store: d.store ?? "", contact: d.contact ?? "" };
  return (
    <PublicShell locale={locale} languageLabel={messages(locale).nav.language} className="max-w-2xl">
      <div lang={locale} dir={dirOf(locale)}>
        <LegalDocument title={t[keys.title]} updated={format(t.updated, { date: LEGAL_UPDATED })} intro={t[keys.intro]} storeNote={d.store ? t.privacyStore : null} sections={t[keys.sections]} contact={d.contact ? format(t.contact, vars) : null} vars={vars} />
      </div>
    </PublicShell>
  );
}
