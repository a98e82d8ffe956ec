import { format } from "@/lib/i18n";
import type { CheckoutMessages } from "@/lib/i18n/checkout";
import type { CheckoutMethod } from "@/lib/payments/checkout-methods";
import type { ProviderId } from "@/lib/payments/gateways/types";

const buttonClass =
  "inline-flex h-12 w-full items-center justify-center rounded-md px-4 text-base font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/**
 * One plain form per method (works without JavaScript): it posts to /checkout/{id}/pay, which opens the
 * provider's page. Bank transfer needs no round trip: its details are on this page.
 */
export function PaymentMethods({
  t,
  orderId,
  token,
  lang,
  methods,
  unavailable,
  emailError,
}: {
  t: CheckoutMessages;
  orderId: string;
  token: string;
  lang: string;
  methods: CheckoutMethod[];
  unavailable: ProviderId[];
  emailError: boolean;
}) {
  const action = `/checkout/${encodeURIComponent(orderId)}/pay`;
  // The first method that opens a provider page is the highlighted one.
  const primary = methods.find((m) => m.provider !== "transfer")?.provider;
  return (
    <section aria-labelledby="pay-heading" className="flex flex-col gap-3">
      <h2 id="pay-heading" className="text-base font-semibold">{t.choosePayment}</h2>
      {unavailable.length > 0 && (
        <p role="status" className="rounded-md border border-warning/40 bg-warning/10 p-3 text-sm">
          {format(t.unavailable, { methods: unavailable.map((p) => t.methods[p]).join(", ") })}
        </p>
      )}
      {methods.length === 0 && <p className="rounded-md border border-border p-3 text-sm">{t.noMethods}</p>}
      {methods.map((m) =>
        m.provider === "transfer" ? (
          <a key={m.provider} href="#bank-transfer" className={`${buttonClass} border border-border bg-card hover:bg-muted`}>
            {t.methods.transfer}
          </a>
        ) : (
          <form key={m.provider} method="post" action={action} className="flex flex-col gap-2">
            <input type="hidden" name="t" value={token} />
            <input type="hidden" name="lang" value={lang} />
            <input type="hidden" name="method" value={m.provider} />
            {m.needsEmail && (
              <div className="flex flex-col gap-1">
                <label htmlFor={`email-${m.provider}`} className="text-sm font-medium">{t.emailLabel}</label>
                <input
                  id={`email-${m.provider}`}
                  name="email"
                  type="email"
                  autoComplete="email"
                  inputMode="email"
                  required
                  aria-invalid={emailError || undefined}
                  aria-describedby={emailError ? `email-${m.provider}-error` : undefined}
                  className="h-12 rounded-md border border-input bg-background px-3 text-base focus-visible:outline-2 focus-visible:outline-ring aria-[invalid=true]:border-destructive"
                />
                {emailError && <p id={`email-${m.provider}-error`} className="text-sm text-destructive">{t.emailRequired}</p>}
              </div>
            )}
            <button type="submit" data-testid={`pay-${m.provider}`} className={`${buttonClass} ${m.provider === primary ? "bg-primary text-primary-foreground hover:bg-primary/90" : "border border-border bg-card hover:bg-muted"}`}>
              {m.provider === "sandbox" ? t.payTest : format(t.payWith, { method: t.methods[m.provider] })}
            </button>
          </form>
        ),
      )}
    </section>
  );
}
