import Link from "next/link";
import { LanguageSwitcher } from "@/components/language-switcher";
import { LegalFooter } from "@/components/legal/legal-footer";
import { accountMessages } from "@/lib/i18n/account";
import { dirOf, isUiLocale } from "@/lib/i18n";
import { cn } from "@/lib/utils";

/** The frame of the signed-out pages (sign-in, sign-up, invitation, password help, legal, 404): brand, language, content, legal footer. */
export function PublicShell({ locale, languageLabel, home = "/", className, children }: { locale: string; languageLabel: string; home?: string; className?: string; children: React.ReactNode }) {
  return (
    // lang/dir here too: a legal page opened with ?lang= may differ from the visitor's language.
    <div className="flex min-h-dvh flex-col px-4 py-5" lang={locale} dir={isUiLocale(locale) ? dirOf(locale) : undefined}>
      <header className="mx-auto flex w-full max-w-sm items-center justify-between gap-3">
        <Link href={home} className="text-lg font-bold"><span className="text-blue-400">Live</span>StreamSell</Link>
        <LanguageSwitcher label={languageLabel} current={locale} />
      </header>
      <main id="main" className="flex flex-1 items-center justify-center py-8">
        <div className={cn("flex w-full max-w-sm flex-col gap-4", className)}>{children}</div>
      </main>
      <LegalFooter t={accountMessages(isUiLocale(locale) ? locale : "es").legal} locale={isUiLocale(locale) ? locale : "es"} />
    </div>
  );
}
