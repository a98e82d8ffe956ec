import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { ActionNotice } from "@/components/admin/notice";
import { UsageBar } from "@/components/billing/usage-bar";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { format } from "@/lib/i18n";
import { getTenant } from "@/lib/admin/tenants";
import { listPlans } from "@/lib/admin/plans";
import { METRICS } from "@/lib/billing/metrics";
import { AppError } from "@/lib/http/errors";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listInvoices } from "@/lib/billing/store-billing";
import { formatMoney } from "@/lib/money";
import { closeTenantAction, confirmInvoicePaymentAction, updateTenantAction } from "../../actions";

export default async function TenantPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const tenant = await getTenant({ storeId: id }).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  });
  const [plans, invoices] = await Promise.all([listPlans(), listInvoices({ storeId: tenant.id })]);
  const issued = invoices.items.filter((i) => i.id);
  const act = updateTenantAction.bind(null, tenant.id);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const overrides = tenant.licence?.limit_overrides ?? {};
  // A closed tenant is kept for the record only: no action that would change it is offered.
  const closed = Boolean(tenant.closed_at);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/tenants" className="text-sm text-muted-foreground hover:underline">← {c.common.back}</Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold"><bdi>{tenant.name}</bdi> <Badge variant="outline" data-testid="tenant-status">{c.status[tenant.status as keyof typeof c.status] ?? tenant.status}</Badge></h1>
        <p className="text-sm text-muted-foreground">{tenant.owner_email ?? "—"} · {tenant.country} · {tenant.currency} · {c.common.plan}: {tenant.plan ?? "—"}</p>
      </div>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      {tenant.suspended && !closed && <Alert tone="warning">{format(c.tenants.suspendedBecause, { reason: tenant.suspended_reason ?? "—" })}</Alert>}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{c.tenants.usage}</CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-3">
            {METRICS.map((m) => (
              <UsageBar key={m} label={c.metrics[m]} used={tenant.usage[m]!.used} limit={tenant.usage[m]!.limit} ofLabel={(u, l) => format(c.billing.of, { used: u, limit: l })} unlimitedLabel={c.common.unlimited} locale={locale} />
            ))}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{c.tenants.licence}</CardTitle>{tenant.licence && <CardDescription>{c.tenants.licenceKey}: <code>{tenant.licence.key}</code></CardDescription>}</CardHeader>
          <CardContent className="flex flex-col gap-4">
            {closed ? <p className="text-sm text-muted-foreground" data-testid="tenant-closed-locked">{c.tenants.closedLocked}</p> : <>
            <form action={act} className="flex items-end gap-2">
              <input type="hidden" name="kind" value="plan" />
              <div className="flex flex-1 flex-col gap-1"><Label htmlFor="plan">{c.tenants.changePlan}</Label>
                <Select id="plan" name="plan" defaultValue={tenant.plan ?? ""}>{plans.items.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}</Select>
              </div>
              <Button type="submit" variant="outline">{c.common.save}</Button>
            </form>
            <form action={act} className="flex items-end gap-2">
              <input type="hidden" name="kind" value="trial" />
              <div className="flex flex-1 flex-col gap-1"><Label htmlFor="trial">{c.tenants.trialEnds}</Label>
                <Input id="trial" name="trial_ends_at" type="date" defaultValue={tenant.trial_ends_at?.slice(0, 10) ?? ""} />
              </div>
              <Button type="submit" variant="outline">{c.common.save}</Button>
            </form>
            <form action={act} className="flex flex-col gap-2" aria-describedby="limits-help">
              <input type="hidden" name="kind" value="limits" />
              <p className="text-sm font-medium">{c.tenants.limits}</p>
              <p id="limits-help" className="text-xs text-muted-foreground">{c.tenants.limitsHelp}</p>
              <div className="grid grid-cols-2 gap-2">
                {METRICS.map((m) => (
                  <div key={m} className="flex flex-col gap-1"><Label htmlFor={`limit_${m}`}>{c.metrics[m]}</Label>
                    <Input id={`limit_${m}`} name={`limit_${m}`} type="number" min={0} step={1} inputMode="numeric" defaultValue={overrides[m] ?? ""} placeholder={tenant.licence?.plan_limits[m] == null ? c.common.unlimited : String(tenant.licence.plan_limits[m])} />
                  </div>
                ))}
              </div>
              <div><Button type="submit" variant="outline">{c.common.save}</Button></div>
            </form>
            {tenant.suspended ? (
              <form action={act}><input type="hidden" name="kind" value="reactivate" /><Button type="submit">{c.tenants.reactivate}</Button></form>
            ) : (
              <form action={act} className="flex items-end gap-2">
                <input type="hidden" name="kind" value="suspend" />
                <div className="flex flex-1 flex-col gap-1"><Label htmlFor="reason">{c.tenants.reason}</Label><Input id="reason" name="reason" maxLength={500} /></div>
                <Button type="submit" variant="destructive">{c.tenants.suspend}</Button>
              </form>
            )}
            </>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{c.tenants.members}</CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-1 text-sm">
            {tenant.members.length === 0 && <p className="text-muted-foreground">{c.common.none}</p>}
            {tenant.members.map((m) => <p key={m.user_id}><bdi>{m.name}</bdi> · {m.email} · {m.role}{m.disabled ? ` · ${c.status.disabled}` : ""}</p>)}
            <p className="mt-3 font-medium">{c.tenants.meta}</p>
            <p className="text-muted-foreground">{tenant.meta ? `${tenant.meta.page_name ?? tenant.meta.page_id}` : c.tenants.notConnected}</p>
            <p className="mt-3 font-medium">{c.tenants.payments}</p>
            <p className="text-muted-foreground">{tenant.payment_methods.length ? tenant.payment_methods.map((p) => p.provider).join(", ") : "—"}</p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{c.tenants.recentAudit}</CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-1 text-sm">
            {tenant.audit.length === 0 && <p className="text-muted-foreground">{c.common.none}</p>}
            {tenant.audit.map((a, i) => <p key={i}><span className="text-muted-foreground">{date.format(new Date(a.at))}</span> · <code>{a.action}</code></p>)}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader><CardTitle>{c.tenants.invoices}</CardTitle></CardHeader>
        <CardContent className="overflow-x-auto">
          {issued.length === 0 ? <p className="text-sm text-muted-foreground">{c.common.none}</p> : (
            <Table data-testid="tenant-invoices">
              <THead><TR><TH>{c.billing.number}</TH><TH>{c.billing.periodCol}</TH><TH>{c.common.status}</TH><TH className="text-end">{c.billing.total}</TH><TH>{c.tenants.attempts}</TH><TH>{c.tenants.collection}</TH></TR></THead>
              <TBody>
                {issued.map((i) => (
                  <TR key={i.id}>
                    <TD><a className="underline underline-offset-4 hover:text-primary" href={`/api/admin/invoices/${i.id}/pdf?lang=${locale}`} aria-label={format(c.billing.download, { number: i.number ?? "" })} download>{i.number}</a></TD>
                    <TD>{i.period}</TD>
                    <TD><Badge variant="outline">{c.status[i.status as "open" | "paid"] ?? i.status}</Badge>{i.last_error && i.status === "open" ? <> <code className="text-xs">{i.last_error}</code></> : null}</TD>
                    <TD className="text-end tabular-nums">{Object.keys(i.totals).length ? Object.entries(i.totals).map(([cur, v]) => formatMoney(v, cur, locale)).join(" · ") : "—"}</TD>
                    <TD className="tabular-nums">{i.attempts}</TD>
                    <TD>
                      {i.status === "open" && !closed ? (
                        <form action={confirmInvoicePaymentAction.bind(null, tenant.id, i.id!)} className="flex items-end gap-2">
                          <div className="flex flex-col gap-1"><Label htmlFor={`ref-${i.id}`} className="sr-only">{c.tenants.reference}</Label><Input id={`ref-${i.id}`} name="reference" placeholder={c.tenants.reference} maxLength={200} required className="w-40" /></div>
                          <Button type="submit" variant="outline" size="sm">{c.tenants.confirmTransfer}</Button>
                        </form>
                      ) : "—"}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card className="border-destructive/40">
        <CardHeader><CardTitle>{c.tenants.danger}</CardTitle><CardDescription id="close-help">{c.tenants.closeHelp}</CardDescription></CardHeader>
        <CardContent className="flex flex-col items-start gap-4">
          <a className="text-sm underline underline-offset-4 hover:text-primary" href={`/api/admin/tenants/${tenant.id}/export`} download>{c.tenants.export}</a>
          {tenant.closed_at ? <p className="text-sm" data-testid="tenant-closed">{format(c.tenants.closedOn, { date: date.format(new Date(tenant.closed_at)) })}</p> : (
            <form action={closeTenantAction.bind(null, tenant.id)} className="flex flex-wrap items-end gap-2" aria-describedby="close-help">
              <div className="flex flex-col gap-1"><Label htmlFor="confirm">{c.tenants.closeConfirm}</Label><Input id="confirm" name="confirm" autoComplete="off" required maxLength={200} className="w-64" /></div>
              <Button type="submit" variant="destructive">{c.tenants.close}</Button>
            </form>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
