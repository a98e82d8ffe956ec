import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { UsageBar } from "@/components/billing/usage-bar";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { format } from "@/lib/i18n";
import { formatMoney } from "@/lib/money";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { getStoreBilling, listInvoices } from "@/lib/billing/store-billing";
import { METRICS } from "@/lib/billing/metrics";
import { Button } from "@/components/ui/button";
import { ActionNotice } from "@/components/admin/notice";
import { Label, Select } from "@/components/ui/input";
import { listPlans } from "@/lib/admin/plans";
import { previewPlanChange } from "@/lib/billing/change-plan";
import { MERCADOPAGO_CURRENCIES } from "@/lib/billing/collect/platform-providers";
import { AppError } from "@/lib/http/errors";
import { changePlanAction, chooseBankTransferAction, startPaymentSetupAction } from "./actions";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).billing.title };
}

export default async function BillingPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const { store, role } = await requireDashboardStore();
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  if (role !== "OWNER") {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold">{c.billing.title}</h1>
        <Alert tone="info" data-testid="owner-only">{c.billing.ownerOnly}</Alert>
      </div>
    );
  }
  const [b, invoices, plans] = await Promise.all([getStoreBilling({ storeId: store.id }), listInvoices({ storeId: store.id }), listPlans()]);
  const offered = plans.items.filter((p) => p.active || p.code === b.plan);
  // ?plan=<code>: the quote the owner confirms (an unknown plan shows no quote).
  const quote = sp.plan ? await previewPlanChange({ storeId: store.id, planCode: sp.plan }).catch((e) => { if (e instanceof AppError && e.status === 422) return null; throw e; }) : null;
  const planName = (code: string) => plans.items.find((p) => p.code === code)?.name ?? code;
  const money = (minor: Record<string, number>) => Object.entries(minor).map(([cur, v]) => formatMoney(v, cur, locale)).join(" + ");
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const trialDays = b.trial_ends_at ? Math.max(0, Math.ceil((new Date(b.trial_ends_at).getTime() - Date.now()) / 86_400_000)) : null;
  const near = METRICS.filter((m) => b.usage[m]!.limit !== null && b.usage[m]!.limit! > 0 && b.usage[m]!.used / b.usage[m]!.limit! >= 0.8);
  const failing = invoices.items.find((i) => i.status === "open" && i.attempts > 0);
  const method = b.collection.method as "paypal" | "mercadopago" | "transfer" | null;
  const pending = b.collection.pending_method as "paypal" | "mercadopago" | null;
  const mpPossible = MERCADOPAGO_CURRENCIES.has(b.period.subscription_currency);
  const providerName = { paypal: "PayPal", mercadopago: "Mercado Pago" } as const;
  const periodEndShown = new Date(new Date(b.period.end).getTime() - 1);
  const commissionText = Object.keys(b.period.commission_by_currency).length
    ? Object.entries(b.period.commission_by_currency).map(([cur, v]) => formatMoney(v, cur, locale)).join(" · ")
    : formatMoney(0, b.period.currency, locale);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.billing.title}</h1>
      {b.status === "read_only" && <Alert tone="error">{c.billing.readOnly}</Alert>}
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      {b.status === "past_due" && <Alert tone="warning">{c.billing.pastDue}</Alert>}
      {failing && <Alert tone="warning" data-testid="charge-failed">{failing.next_attempt_at ? format(c.billing.pastDueDetail, { reason: failing.last_error ?? "", date: day.format(new Date(failing.next_attempt_at)) }) : c.billing.noRetry}</Alert>}
      {near.map((m) => <Alert key={m} tone="warning">{format(c.billing.limitNear, { pct: Math.round((b.usage[m]!.used / b.usage[m]!.limit!) * 100), metric: c.metrics[m] })}</Alert>)}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">{c.billing.plan}: {b.plan_name} <Badge variant="outline" data-testid="billing-status">{c.status[b.status]}</Badge></CardTitle>
            <CardDescription>{format(c.billing.period, { start: day.format(new Date(b.period.start)), end: day.format(periodEndShown) })}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-2 text-sm">
            {b.status === "trialing" && trialDays !== null && <p>{format(c.billing.trialDaysLeft, { days: trialDays })}</p>}
            <p>{c.billing.subscription}: <strong>{formatMoney(b.period.subscription_minor, b.period.subscription_currency, locale)}</strong></p>
            {Object.keys(b.period.proration_minor).length > 0 && <p>{c.billing.prorationLine}: <strong data-testid="proration">{money(b.period.proration_minor)}</strong></p>}
            <p>{format(c.billing.commission, { bps: b.transaction_fee_bps })}: <strong data-testid="commission">{commissionText}</strong></p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{c.billing.usage}</CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-3">
            {METRICS.map((m) => (
              <UsageBar key={m} label={c.metrics[m]} used={b.usage[m]!.used} limit={b.usage[m]!.limit} ofLabel={(u, l) => format(c.billing.of, { used: u, limit: l })} unlimitedLabel={c.common.unlimited} locale={locale} />
            ))}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader><CardTitle>{c.billing.changePlan}</CardTitle></CardHeader>
        <CardContent className="flex flex-col items-start gap-3 text-sm">
          {b.scheduled_change && (
            <Alert tone="info" data-testid="scheduled-change">
              {format(c.billing.scheduled, { plan: planName(b.scheduled_change.plan), date: day.format(new Date(b.scheduled_change.effective_at)) })}
            </Alert>
          )}
          {b.scheduled_change && <form action={changePlanAction.bind(null, store.id, b.plan)}><Button type="submit" variant="outline">{c.billing.keepPlan}</Button></form>}
          <form method="get" className="flex flex-wrap items-end gap-2">
            <div className="flex flex-col gap-1">
              <Label htmlFor="plan">{c.billing.choosePlan}</Label>
              <Select id="plan" name="plan" defaultValue={quote?.to.plan ?? b.plan} className="min-w-56">
                {offered.map((p) => <option key={p.code} value={p.code}>{p.name} — {format(c.billing.perMonth, { price: formatMoney(p.price_minor, p.currency, locale) })}{p.code === b.plan ? ` (${c.billing.current})` : ""}</option>)}
              </Select>
            </div>
            <Button type="submit" variant="outline">{c.billing.seePrice}</Button>
          </form>
          {quote && (
            <div className="flex flex-col items-start gap-3 rounded-md border p-3" data-testid="plan-quote">
              <p>
                {quote.kind === "same" ? c.billing.samePlan
                  : quote.kind === "downgrade" ? format(c.billing.downgradeQuote, { plan: quote.to.name, date: day.format(new Date(quote.effective_at)), price: formatMoney(quote.next_period_minor, quote.to.currency, locale) })
                  : Object.keys(quote.proration_minor).length ? format(c.billing.upgradeQuote, { plan: quote.to.name, amount: money(quote.proration_minor), price: formatMoney(quote.next_period_minor, quote.to.currency, locale) })
                  : format(c.billing.upgradeFree, { plan: quote.to.name, price: formatMoney(quote.next_period_minor, quote.to.currency, locale) })}
              </p>
              {quote.kind !== "same" && <form action={changePlanAction.bind(null, store.id, quote.to.plan)}><Button type="submit">{c.billing.confirmChange}</Button></form>}
            </div>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>{c.billing.paymentMethod}</CardTitle><CardDescription data-testid="payment-method">{c.billing.methods[method === "transfer" ? "bank_transfer" : (method ?? "none")]}</CardDescription></CardHeader>
        <CardContent className="flex flex-col items-start gap-3 text-sm">
          {sp.setup === "cancelled" && <Alert tone="info">{c.billing.setupCancelled}</Alert>}
          {pending && <Alert tone="info" data-testid="pending-setup">{format(c.billing.pendingSetup, { provider: providerName[pending] })}</Alert>}
          <p className="text-muted-foreground">{c.billing.methodHelp}</p>
          <div className="flex flex-wrap gap-2">
            <form action={startPaymentSetupAction.bind(null, store.id, "paypal")}><Button type="submit" variant={method === "paypal" ? "outline" : "default"}>{method === "paypal" ? c.billing.replacePaypal : c.billing.savePaypal}</Button></form>
            {mpPossible && <form action={startPaymentSetupAction.bind(null, store.id, "mercadopago")}><Button type="submit" variant="outline">{method === "mercadopago" ? c.billing.replaceMp : c.billing.subscribeMp}</Button></form>}
            {method !== "transfer" && <form action={chooseBankTransferAction.bind(null, store.id)}><Button type="submit" variant="outline">{c.billing.useTransfer}</Button></form>}
          </div>
          {!mpPossible && <p className="text-muted-foreground">{format(c.billing.mpUnavailable, { currency: b.period.subscription_currency })}</p>}
          <p className="text-muted-foreground">{c.billing.transferHelp}</p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>{c.billing.invoices}</CardTitle></CardHeader>
        <CardContent>
          <Table scrollLabel={c.billing.invoices}>
            <THead><TR><TH>{c.billing.number}</TH><TH>{c.billing.periodCol}</TH><TH>{c.common.status}</TH><TH className="text-end">{c.billing.subscription}</TH><TH className="text-end">{c.billing.commissionCol}</TH><TH className="text-end">{c.billing.total}</TH><TH><span className="sr-only">{c.billing.pdf}</span></TH></TR></THead>
            <TBody>
              {invoices.items.map((i) => (
                <TR key={i.period}>
                  <TD>{i.number ?? "—"}</TD>
                  <TD>{i.period}</TD>
                  <TD><Badge variant="outline">{c.status[i.status as "draft" | "open" | "paid"] ?? i.status}</Badge></TD>
                  <TD className="text-end tabular-nums">{formatMoney(i.subscription_minor, i.subscription_currency, locale)}</TD>
                  <TD className="text-end tabular-nums">{Object.keys(i.commission_by_currency).length ? Object.entries(i.commission_by_currency).map(([cur, v]) => formatMoney(v, cur, locale)).join(" · ") : formatMoney(0, i.currency, locale)}</TD>
                  <TD className="text-end tabular-nums">{Object.keys(i.totals).length ? Object.entries(i.totals).map(([cur, v]) => formatMoney(v, cur, locale)).join(" · ") : formatMoney(0, i.subscription_currency, locale)}</TD>
                  <TD>{i.id && <a className="underline underline-offset-4 hover:text-primary" href={`/api/v1/stores/${store.id}/invoices/${i.id}/pdf?lang=${locale}`} aria-label={format(c.billing.download, { number: i.number ?? "" })} download>{c.billing.pdf}</a>}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
