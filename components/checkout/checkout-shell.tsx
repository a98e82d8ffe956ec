import { CHECKOUT_LOCALES, type CheckoutLocale, type CheckoutMessages } from "@/lib/i18n/checkout";
import { dirOf, LANGUAGE_NAMES } from "@/lib/i18n/languages";
import { format } from "@/lib/i18n";

/** The buyer's page frame: store and order, language links, and the footer note. 375 px first. */
export function CheckoutShell({
  locale,
  t,
  storeName,
  storeId,
  orderNumber,
  languageHref,
  children,
}: {
  locale: CheckoutLocale;
  t: CheckoutMessages;
  storeName: string;
  storeId: string;
  orderNumber: number;
  languageHref: (lang: CheckoutLocale) => string;
  children: React.ReactNode;
}) {
  return (
    <main lang={locale} dir={dirOf(locale)} className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-5 px-4 pb-10 pt-5">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-muted-foreground">{format(t.soldBy, { store: storeName })}</p>
        <h1 className="text-2xl font-bold">{t.pageTitle}</h1>
        <p className="text-sm text-muted-foreground" data-testid="order-ref">{format(t.orderRef, { number: orderNumber })}</p>
      </header>
      {children}
      <footer className="mt-auto flex flex-col gap-3 border-t border-border pt-4 text-sm text-muted-foreground">
        <nav aria-label={t.language}>
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {CHECKOUT_LOCALES.map((lang) => (
              <li key={lang}>
                <a
                  href={languageHref(lang)}
                  lang={lang}
                  hrefLang={lang}
                  aria-current={lang === locale ? "true" : undefined}
                  className="inline-block py-1 underline-offset-4 hover:underline aria-[current=true]:font-semibold aria-[current=true]:text-foreground"
                >
                  {LANGUAGE_NAMES[lang]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p>{t.securityNote}</p>
        <p className="flex flex-wrap gap-x-4" data-testid="checkout-legal">
          <a href={`/legal/privacy?store=${encodeURIComponent(storeId)}&lang=${locale}`} className="inline-block py-1 underline underline-offset-4">{t.privacyLink}</a>
          <a href={`/legal/terms?store=${encodeURIComponent(storeId)}&lang=${locale}`} className="inline-block py-1 underline underline-offset-4">{t.termsLink}</a>
        </p>
        <p className="text-xs">{t.cookieNote}</p>
      </footer>
    </main>
  );
}
