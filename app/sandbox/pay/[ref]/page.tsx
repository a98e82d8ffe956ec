import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { format } from "@/lib/i18n";
import { checkoutMessages } from "@/lib/i18n/checkout";
import { dirOf } from "@/lib/i18n/languages";
import { formatMoneyMinor } from "@/lib/messaging/texts";
import { checkoutPath } from "@/lib/payments/checkout-links";
import { CHECKOUT_LANG_COOKIE, checkoutFormattingLocale, resolveCheckoutLocale } from "@/lib/payments/checkout-locale";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";
import { gatewayForStore } from "@/lib/payments/gateway-for-store";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sandbox payment", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Search = Record<string, string | string[] | undefined>;

/** The built-in test provider's "bank page": the amount, and a button to pay or to fail. */
export default async function SandboxPayPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<Search> }) {
  const { ref } = await params;
  const sp = await searchParams;
  const token = typeof sp.t === "string" ? sp.t : null;
  const order = await loadCheckoutOrder({ orderId: ref, token });
  if (!order || !token) notFound();
  const sandbox = await gatewayForStore({ storeId: order.storeId, provider: "sandbox", runtime: paymentRuntimeFromEnv() });
  if (!sandbox?.enabled) notFound();

  const locale = resolveCheckoutLocale({
    explicit: typeof sp.lang === "string" ? sp.lang : null,
    cookie: (await cookies()).get(CHECKOUT_LANG_COOKIE)?.value,
    buyerLocale: order.buyerLocale ?? order.buyer?.locale,
    headers: await headers(),
    storeLocale: order.store.locale,
  });
  const t = checkoutMessages(locale);
  const amount = formatMoneyMinor(order.totalMinor, order.currency, checkoutFormattingLocale(locale, order.store.country));
  const action = `/sandbox/pay/${encodeURIComponent(order.id)}/complete`;
  const hidden = (
    <>
      <input type="hidden" name="t" value={token} />
      <input type="hidden" name="lang" value={locale} />
    </>
  );
  return (
    <main lang={locale} dir={dirOf(locale)} className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-5 px-4 py-6">
      <header className="flex flex-col gap-1">
        <p className="text-sm text-muted-foreground">{format(t.soldBy, { store: order.store.name })}</p>
        <h1 className="text-2xl font-bold">{t.sandboxTitle}</h1>
        <p className="text-sm text-muted-foreground">{format(t.orderRef, { number: order.number })}</p>
      </header>
      <p role="note" className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">{t.sandboxNote}</p>
      <p className="text-4xl font-bold tabular-nums" data-testid="sandbox-amount">{amount}</p>
      {order.status === "PENDING" ? (
        <div className="flex flex-col gap-3">
          <form method="post" action={action}>
            {hidden}
            <input type="hidden" name="outcome" value="success" />
            <button type="submit" data-testid="sandbox-pay" className="inline-flex h-12 w-full items-center justify-center rounded-md bg-success px-4 text-base font-semibold text-success-foreground hover:bg-success/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
              {format(t.sandboxPay, { amount })}
            </button>
          </form>
          <form method="post" action={action}>
            {hidden}
            <input type="hidden" name="outcome" value="failure" />
            <button type="submit" data-testid="sandbox-fail" className="inline-flex h-12 w-full items-center justify-center rounded-md border border-border px-4 text-base font-semibold hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
              {t.sandboxFail}
            </button>
          </form>
        </div>
      ) : null}
      <a href={checkoutPath({ orderId: order.id, token, lang: locale })} className="text-sm underline underline-offset-4">{t.back}</a>
    </main>
  );
}
