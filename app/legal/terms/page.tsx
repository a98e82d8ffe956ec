import { PublicShell } from "@/components/auth/public-shell";
import { LegalDocument } from "@/components/legal/legal-document";
import { dirOf, format, messages } from "@/lib/i18n";
import { accountMessages } from "@/lib/i18n/account";
import { legalDetails, LEGAL_UPDATED } from "@/lib/legal/legal-details";
import { legalLocale } from "../legal-locale";

type Search = Promise<{ store?: string | string[]; lang?: string | string[] }>;

export async function generateMetadata({ searchParams }: { searchParams: Search }) {
  return { title: accountMessages(await legalLocale((await searchParams).lang)).legal.termsTitle };
}

export const dynamic = "force-dynamic";

/** The terms of use, templated with the platform's details and, from a checkout (`?store=`), the store's. */
export default async function TermsPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const locale = await legalLocale(sp.lang);
  const t = accountMessages(locale).legal;
  const d = await legalDetails({ storeId: typeof sp.store === "string" ? sp.store : null });
  const vars = { platform: d.platform, store: d.store ?? "", contact: d.contact ?? "" };
  return (
    <PublicShell locale={locale} languageLabel={messages(locale).nav.language} className="max-w-2xl">
      <div lang={locale} dir={dirOf(locale)}>
        <LegalDocument title={t.termsTitle} updated={format(t.updated, { date: LEGAL_UPDATED })} intro={t.termsIntro} storeNote={d.store ? t.privacyStore : null} sections={t.termsSections} contact={d.contact ? format(t.contact, vars) : null} vars={vars} />
      </div>
    </PublicShell>
  );
}
