import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { BarChart } from "@/components/dashboard/charts/bar-chart";
import { RangeTabs } from "@/components/dashboard/overview/range-tabs";
import { LivesTable } from "@/components/dashboard/overview/lives-table";
import { getMessages } from "@/lib/i18n/server";
import { buyersMessages } from "@/lib/i18n/buyers";
import { format } from "@/lib/i18n";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { formatMoney } from "@/lib/money";
import { analyticsRangeSchema } from "@/lib/analytics/range";
import { getStoreOverview } from "@/lib/analytics/store-overview";
import { listLiveSummaries } from "@/lib/analytics/past-lives";
import { catalogSize } from "@/lib/analytics/catalog-size";
import { onboardingState } from "@/lib/onboarding/steps";
import { storeWinners } from "@/lib/analytics/winners";

export const metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const { store } = await requireDashboardStore();
  const { t, locale, dir } = await getMessages();
  const range = analyticsRangeSchema.parse((await searchParams).range);
  const [o, lives, products] = await Promise.all([getStoreOverview({ storeId: store.id, range }), listLiveSummaries({ storeId: store.id, limit: 20 }), catalogSize({ storeId: store.id })]);
  const winners = await storeWinners({ storeId: store.id, from: new Date(o.from), to: new Date(o.to) });
  const tb = buyersMessages(locale);
  const onboarding = onboardingState(store.onboardingStep);
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const money = (minor: number) => formatMoney(minor, store.currency, store.locale);
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: store.timezone });
  const bucketLabel = (b: string) => {
    const [date, hour] = b.split("T");
    const [y, m, d] = date!.split("-").map(Number);
    const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(Date.UTC(y!, m! - 1, d!));
    return hour ? { label: `${day} ${hour}:00`, short: `${hour}h` } : { label: day, short: day };
  };
  const series = o.series.map((s) => ({ ...bucketLabel(s.bucket), s }));

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t.overview.title}</h1>
        <RangeTabs range={range} t={t.overview} />
      </div>

      {!onboarding.finished && (
        <Link href="/dashboard/onboarding" className="flex items-center justify-between gap-3 rounded-lg border border-primary/40 bg-primary/10 p-4 hover:bg-primary/15" data-testid="onboarding-resume">
          <span>
            <span className="block font-medium">{t.onboarding.resume}</span>
            <span className="text-sm text-muted-foreground">{format(t.onboarding.resumeHelp, { done: onboarding.done, total: onboarding.total })}</span>
          </span>
          <ArrowRight className="size-5 shrink-0 rtl:rotate-180" aria-hidden />
        </Link>
      )}

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="overview-kpis">
        <Stat label={t.overview.revenue} value={money(o.revenueMinor)} className="col-span-2 lg:col-span-1" tone={o.revenueMinor > 0 ? "success" : undefined} />
        <Stat label={t.overview.paid} value={num.format(o.orders.paid)} />
        <Stat label={t.overview.pending} value={num.format(o.orders.pending)} />
        <Stat label={t.overview.expired} value={num.format(o.orders.expired)} />
        <Stat label={t.overview.conversion} value={pct.format(o.conversion)} hint={format(t.overview.conversionHint, { paid: num.format(o.paidComments), comments: num.format(o.comments) })} />
      </dl>

      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardContent className="flex flex-col gap-6 pt-5">
            <BarChart
              title={t.overview.revenueChart}
              valueLabel={t.overview.revenue}
              data={series.map(({ label, short, s }) => ({ label, short, value: s.revenueMinor, display: money(s.revenueMinor) }))}
              emptyLabel={t.overview.noData}
              dir={dir}
              tone="success"
            />
            <BarChart
              title={t.overview.commentsChart}
              valueLabel={t.overview.comments}
              secondaryLabel={t.overview.paid}
              data={series.map(({ label, short, s }) => ({ label, short, value: s.comments, display: num.format(s.comments), secondary: s.paidOrders, secondaryDisplay: num.format(s.paidOrders) }))}
              emptyLabel={t.overview.noData}
              dir={dir}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{t.overview.topProducts}</CardTitle></CardHeader>
          <CardContent>
            {o.topProducts.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t.overview.noSales}</p>
            ) : (
              <ol className="flex flex-col gap-3" data-testid="top-products">
                {o.topProducts.map((p) => {
                  const share = o.topProducts[0]!.revenueMinor > 0 ? p.revenueMinor / o.topProducts[0]!.revenueMinor : 0;
                  return (
                    <li key={p.sku} className="flex flex-col gap-1">
                      <div className="flex items-baseline justify-between gap-2 text-sm">
                        <span className="min-w-0 truncate"><bdi className="font-mono text-xs text-muted-foreground">{p.sku}</bdi> <bdi>{p.name}</bdi></span>
                        <span className="shrink-0 tabular-nums">{money(p.revenueMinor)}</span>
                      </div>
                      <div className="h-1.5 rounded-full bg-muted" aria-hidden><div className="h-1.5 rounded-full bg-primary" style={{ width: `${Math.max(4, share * 100)}%` }} /></div>
                      <span className="text-xs text-muted-foreground">{format(t.overview.units, { units: p.units }, locale)}</span>
                    </li>
                  );
                })}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-4 md:grid-cols-2" data-testid="winners">
        <Card>
          <CardHeader><CardTitle>{tb.winners.topBuyers}</CardTitle></CardHeader>
          <CardContent>
            {winners.topBuyers.length === 0 ? <p className="text-sm text-muted-foreground">{tb.winners.noBuyers}</p> : (
              <ol className="flex flex-col gap-2 text-sm" data-testid="top-buyers">
                {winners.topBuyers.map((b) => (
                  <li key={b.id} className="flex items-baseline justify-between gap-2">
                    <Link href={`/dashboard/buyers/${b.id}`} className="min-w-0 truncate text-blue-300 hover:underline"><bdi>{b.name || "—"}</bdi></Link>
                    <span className="shrink-0 text-end tabular-nums">{money(b.spendMinor)} <span className="text-xs text-muted-foreground">· {format(tb.winners.orders, { count: b.paidOrders }, locale)}</span></span>
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{tb.winners.topLives}</CardTitle></CardHeader>
          <CardContent>
            {winners.topLives.length === 0 ? <p className="text-sm text-muted-foreground">{t.overview.noSales}</p> : (
              <ol className="flex flex-col gap-2 text-sm" data-testid="top-lives">
                {winners.topLives.map((l) => (
                  <li key={l.id} className="flex items-baseline justify-between gap-2">
                    <Link href={`/dashboard/live/${l.id}/report`} className="min-w-0 truncate text-blue-300 hover:underline"><bdi>{l.title}</bdi></Link>
                    <span className="shrink-0 text-end tabular-nums">{money(l.revenueMinor)} <span className="text-xs text-muted-foreground">· {format(tb.winners.orders, { count: l.paidOrders }, locale)}</span></span>
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>

      <section className="flex flex-col gap-3" aria-labelledby="lives-heading">
        <div className="flex items-center justify-between gap-3">
          <h2 id="lives-heading" className="text-lg font-semibold">{t.overview.pastLives}</h2>
          <Link href="/dashboard/live" className="text-sm text-blue-300 hover:underline">{t.live.start}</Link>
        </div>
        <LivesTable lives={lives} reportLabel={tb.report.open} t={t.overview} tl={t.live} fmt={{ money, pct: (v) => pct.format(v), date: (iso) => dateFmt.format(new Date(iso)), num: (n) => num.format(n) }} />
      </section>
      {o.orders.paid + o.orders.pending === 0 && lives.length === 0 && <p className="text-muted-foreground" data-testid="overview-empty">{products > 0 ? t.overview.emptyWithCatalog : t.overview.empty}</p>}
    </div>
  );
}
