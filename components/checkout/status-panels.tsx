import { format } from "@/lib/i18n";
import type { CheckoutMessages } from "@/lib/i18n/checkout";

type Tone = "success" | "info" | "warning" | "error";

const toneClass: Record<Tone, string> = {
  success: "border-success/50 bg-success/10",
  info: "border-primary/50 bg-primary/10",
  warning: "border-warning/50 bg-warning/10",
  error: "border-destructive/50 bg-destructive/10",
};

/** A titled notice. `headingLevel` 2 when it is the page's main message, 3 inside another section. */
export function Panel({ tone, title, children, testId, role }: { tone: Tone; title: string; children?: React.ReactNode; testId?: string; role?: "status" | "alert" }) {
  return (
    <section role={role} data-testid={testId} className={`flex flex-col gap-2 rounded-lg border p-4 ${toneClass[tone]}`}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function SuccessPanel({ t, orderNumber }: { t: CheckoutMessages; orderNumber: number }) {
  return (
    <Panel tone="success" title={t.successTitle} testId="checkout-success" role="status">
      <p>{format(t.successBody, { number: orderNumber })}</p>
      <p className="text-sm text-muted-foreground">{t.successNext}</p>
    </Panel>
  );
}

/** Back from the provider but not confirmed yet: refreshes itself (no script) until the webhook lands. */
export function ProcessingPanel({ t, refreshSeconds = 3 }: { t: CheckoutMessages; refreshSeconds?: number }) {
  return (
    <>
      <meta httpEquiv="refresh" content={String(refreshSeconds)} />
      <Panel tone="info" title={t.processingTitle} testId="checkout-processing" role="status">
        <p className="text-sm">{t.processingBody}</p>
      </Panel>
    </>
  );
}

export function FailurePanel({ t, until }: { t: CheckoutMessages; until: string }) {
  return (
    <Panel tone="error" title={t.failureTitle} testId="checkout-failure" role="alert">
      <p>{format(t.failureBody, { time: until })}</p>
      <p className="text-sm">{t.failureNext}</p>
    </Panel>
  );
}

export function ExpiredPanel({
  t,
  orderId,
  token,
  lang,
  soldOut,
}: {
  t: CheckoutMessages;
  orderId: string;
  token: string;
  lang: string;
  /** Items no longer available; empty when everything can be reserved again. */
  soldOut: string[];
}) {
  return (
    <Panel tone="warning" title={t.expiredTitle} testId="checkout-expired">
      <p>{t.expiredBody}</p>
      {soldOut.length === 0 ? (
        <form method="post" action={`/checkout/${encodeURIComponent(orderId)}/reserve-again`}>
          <input type="hidden" name="t" value={token} />
          <input type="hidden" name="lang" value={lang} />
          <button type="submit" className="mt-1 inline-flex h-12 w-full items-center justify-center rounded-md bg-primary px-4 text-base font-semibold text-primary-foreground hover:bg-primary/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring">
            {t.reserveAgain}
          </button>
        </form>
      ) : (
        <>
          <p className="text-sm font-medium">{format(t.soldOut, { items: soldOut.join(", ") })}</p>
          <p className="text-sm">{t.notReservable}</p>
        </>
      )}
    </Panel>
  );
}
