import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ActionNotice } from "@/components/admin/notice";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { format } from "@/lib/i18n";
import { languageName } from "@/lib/i18n/display-names";
import { listTenants } from "@/lib/admin/tenants";
import { listPlans } from "@/lib/admin/plans";
import { TENANT_STATUSES } from "@/lib/admin/schemas";
import { createTenantAction } from "../actions";
import { UI_LOCALES } from "@/lib/i18n/languages";

const PAGE = 25;

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).tenants.title };
}

export default async function TenantsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const sp = await searchParams;
  const status = (TENANT_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as (typeof TENANT_STATUSES)[number]) : undefined;
  const offset = Math.max(0, Number(sp.offset) || 0);
  const q = sp.q?.trim() || undefined;
  const [list, plans] = await Promise.all([listTenants({ q, status, plan: sp.plan || undefined, limit: PAGE, offset }), listPlans()]);
  const n = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const pageHref = (o: number) => `/admin/tenants?${new URLSearchParams({ ...(q && { q }), ...(status && { status }), ...(sp.plan && { plan: sp.plan }), offset: String(o) })}`;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.tenants.title}</h1>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      {sp.invite && (
        <div className="rounded-md border border-border p-3 text-sm" role="status">
          {c.tenants.invited} <code className="break-all" data-testid="invite-url">{sp.invite}</code>
        </div>
      )}
      <form className="flex flex-wrap items-end gap-3" role="search">
        <div className="flex flex-col gap-1"><Label htmlFor="q">{c.common.search}</Label><Input id="q" name="q" defaultValue={q} placeholder={c.tenants.searchHint} className="w-64" /></div>
        <div className="flex flex-col gap-1"><Label htmlFor="status">{c.common.status}</Label>
          <Select id="status" name="status" defaultValue={status ?? ""}><option value="">{c.common.all}</option>{TENANT_STATUSES.map((s) => <option key={s} value={s}>{c.status[s]}</option>)}</Select>
        </div>
        <div className="flex flex-col gap-1"><Label htmlFor="plan">{c.common.plan}</Label>
          <Select id="plan" name="plan" defaultValue={sp.plan ?? ""}><option value="">{c.common.all}</option>{plans.items.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}</Select>
        </div>
        <Button type="submit">{c.common.filter}</Button>
      </form>
      <Card>
        <CardContent className="overflow-x-auto pt-4">
          <Table>
            <THead><TR><TH>{c.common.name}</TH><TH>{c.tenants.owner}</TH><TH>{c.common.plan}</TH><TH>{c.common.status}</TH><TH className="text-end">{c.metrics.comments}</TH><TH className="text-end">{c.metrics.products}</TH><TH>{c.common.created}</TH></TR></THead>
            <TBody>
              {list.items.map((s) => (
                <TR key={s.id}>
                  <TD><Link href={`/admin/tenants/${s.id}`} className="font-medium underline-offset-2 hover:underline"><bdi>{s.name}</bdi></Link></TD>
                  <TD className="max-w-48 truncate">{s.owner_email ?? "—"}</TD>
                  <TD>{s.plan ?? "—"}</TD>
                  <TD><Badge variant="outline">{c.status[s.status as keyof typeof c.status] ?? s.status}</Badge></TD>
                  <TD className="text-end tabular-nums">{n.format(s.usage.comments!.used)}</TD>
                  <TD className="text-end tabular-nums">{n.format(s.usage.products!.used)}</TD>
                  <TD>{date.format(new Date(s.created_at))}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {list.items.length === 0 && <p className="p-3 text-sm text-muted-foreground">{c.common.none}</p>}
          <div className="mt-3 flex items-center justify-between text-sm">
            <span data-testid="tenants-total">{format(c.common.pageOf, { from: list.total ? offset + 1 : 0, to: offset + list.items.length, total: list.total })}</span>
            <span className="flex gap-2">
              {offset > 0 && <Link className="underline" href={pageHref(Math.max(0, offset - PAGE))}>{c.common.previous}</Link>}
              {offset + PAGE < list.total && <Link className="underline" href={pageHref(offset + PAGE)}>{c.common.next}</Link>}
            </span>
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>{c.tenants.create}</CardTitle></CardHeader>
        <CardContent>
          <form action={createTenantAction} className="grid gap-3 sm:grid-cols-3">
            <div className="flex flex-col gap-1"><Label htmlFor="t-name">{c.common.name}</Label><Input id="t-name" name="name" required maxLength={120} /></div>
            <div className="flex flex-col gap-1"><Label htmlFor="t-owner">{c.tenants.ownerEmail}</Label><Input id="t-owner" name="owner_email" type="email" required /></div>
            <div className="flex flex-col gap-1"><Label htmlFor="t-plan">{c.common.plan}</Label><Select id="t-plan" name="plan" defaultValue="starter">{plans.items.filter((p) => p.active).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}</Select></div>
            <div className="flex flex-col gap-1"><Label htmlFor="t-country">{c.tenants.country}</Label><Input id="t-country" name="country" required maxLength={2} placeholder="CL" /></div>
            <div className="flex flex-col gap-1"><Label htmlFor="t-currency">{c.tenants.currency}</Label><Input id="t-currency" name="currency" required maxLength={3} placeholder="CLP" /></div>
            <div className="flex flex-col gap-1"><Label htmlFor="t-locale">{c.tenants.locale}</Label><Select id="t-locale" name="locale" defaultValue="es">{UI_LOCALES.map((l) => <option key={l} value={l}>{languageName(l, locale)}</option>)}</Select></div>
            <div className="sm:col-span-3"><Button type="submit">{c.tenants.create}</Button></div>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
