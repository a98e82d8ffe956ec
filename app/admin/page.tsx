import Link from "next/link";
import { Mail } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { accountMessages } from "@/lib/i18n/account";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { formatMoney } from "@/lib/money";
import { platformAnalytics, topSellers } from "@/lib/admin/analytics";
import { listTenants } from "@/lib/admin/tenants";
import { RANGES } from "@/lib/admin/schemas";
import { cn } from "@/lib/utils";

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.admin.title };
}

export default async function AdminOverview({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const { locale, t } = await getMessages();
  const c = consoleMessages(locale);
  const sp = await searchParams;
  const range = (RANGES as readonly string[]).includes(sp.range ?? "") ? (sp.range as (typeof RANGES)[number]) : "30d";
  const [a, top, recent] = await Promise.all([platformAnalytics({ range }), topSellers({ range, limit: 5 }), listTenants({ limit: 8, offset: 0 })]);
  const n = new Intl.NumberFormat(locale);
  const money = (o: Record<string, number>) => (Object.keys(o).length ? Object.entries(o).map(([cur, v]) => formatMoney(v, cur, locale)).join(" · ") : "—");
  const maxPlan = Math.max(1, ...Object.values(a.tenants_by_plan));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t.admin.title}</h1>
        <Link href="/admin/emails" className="inline-flex items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm hover:bg-muted"><Mail className="size-4" aria-hidden /> {accountMessages(locale).adminEmails.title}</Link>
        <nav aria-label={c.reports.range} className="flex gap-1">
          {RANGES.map((r) => (
            <Link key={r} href={`/admin?range=${r}`} aria-current={r === range ? "page" : undefined} className={cn("rounded-md border border-border px-3 py-1.5 text-sm", r === range ? "bg-primary/15" : "text-muted-foreground hover:bg-muted")}>{c.ranges[r]}</Link>
          ))}
        </nav>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={c.overview.gmv} value={<span className="text-lg">{money(a.gmv_minor)}</span>} data-testid="kpi-gmv" />
        <Stat label={c.overview.paidOrders} value={n.format(a.paid_orders)} hint={a.conversion === null ? undefined : `${c.overview.conversion}: ${n.format(Math.round(a.conversion * 100))}%`} />
        <Stat label={c.overview.activeLives} value={n.format(a.active_lives)} />
        <Stat label={c.overview.comments} value={n.format(a.comments)} />
        <Stat label={c.overview.signups} value={n.format(a.signups)} />
        <Stat label={c.overview.mrr} value={<span className="text-lg">{money(a.mrr_by_currency)}</span>} />
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{c.overview.tenantsByPlan}</CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-2">
            {Object.entries(a.tenants_by_plan).map(([plan, count]) => (
              <div key={plan} className="flex items-center gap-3 text-sm">
                <span className="w-24 truncate">{plan}</span>
                <div className="h-3 flex-1 rounded bg-muted" aria-hidden><div className="h-full rounded bg-primary" style={{ width: `${(count / maxPlan) * 100}%` }} /></div>
                <span className="w-12 text-end tabular-nums">{n.format(count)}</span>
              </div>
            ))}
            <p className="mt-2 text-xs text-muted-foreground">{c.overview.tenantsByStatus}: {Object.entries(a.tenants_by_status).map(([s, v]) => `${c.status[s as keyof typeof c.status] ?? s} ${n.format(v)}`).join(" · ")}</p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{c.overview.winners}</CardTitle></CardHeader>
          <CardContent>
            {top.items.length === 0 ? <p className="text-sm text-muted-foreground">{c.overview.noSales}</p> : (
              <Table>
                <THead><TR><TH>#</TH><TH>{c.common.name}</TH><TH className="text-end">{c.overview.gmv}</TH></TR></THead>
                <TBody>
                  {top.items.map((s) => (
                    <TR key={`${s.store_id}-${s.currency}`}>
                      <TD>{s.rank}</TD>
                      <TD><Link className="underline-offset-2 hover:underline" href={`/admin/tenants/${s.store_id}`}><bdi>{s.name}</bdi></Link></TD>
                      <TD className="text-end tabular-nums">{formatMoney(s.gmv_minor, s.currency, locale)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader><CardTitle>{c.tenants.title}</CardTitle></CardHeader>
        <CardContent className="flex flex-col gap-1 text-sm">
          {recent.items.map((s) => (
            <Link key={s.id} href={`/admin/tenants/${s.id}`} className="flex justify-between gap-2 rounded px-2 py-1 hover:bg-muted">
              <bdi>{s.name}</bdi><span className="text-muted-foreground">{s.plan ?? "—"} · {c.status[s.status as keyof typeof c.status] ?? s.status}</span>
            </Link>
          ))}
          <Link href="/admin/tenants" className="mt-2 underline">{c.tenants.title} ({n.format(recent.total)}) →</Link>
        </CardContent>
      </Card>
    </div>
  );
}
