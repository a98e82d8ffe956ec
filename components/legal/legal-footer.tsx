import Link from "next/link";
import type { AccountMessages } from "@/lib/i18n/account";

/** Privacy, terms and licences links and the essential-cookies notice, under every signed-out page. */
export function LegalFooter({ t, locale, storeId }: { t: AccountMessages["legal"]; locale: string; storeId?: string }) {
  const q = storeId ? `?store=${encodeURIComponent(storeId)}` : "";
  const link = "inline-block py-1 underline underline-offset-4 hover:text-foreground";
  return (
    <footer className="mx-auto flex w-full max-w-sm flex-col gap-1 border-t border-border pt-3 text-xs text-muted-foreground" data-testid="legal-footer">
      <nav aria-label={t.privacy + " · " + t.terms}>
        <ul className="flex flex-wrap gap-x-4">
          <li><Link href={`/legal/privacy${q}`} className={link}>{t.privacy}</Link></li>
          <li><Link href={`/legal/terms${q}`} className={link}>{t.terms}</Link></li>
          <li><Link href={`/legal/licenses/${locale}`} className={link}>{t.licenses}</Link></li>
        </ul>
      </nav>
      <p data-testid="cookie-notice">{t.cookies}</p>
    </footer>
  );
}
