import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { BarChart } from "@/components/dashboard/charts/bar-chart";
import { format } from "@/lib/i18n";
import type { BuyersMessages } from "@/lib/i18n/buyers";
import type { LiveReport } from "@/lib/lives/live-report";
import type { LiveTimeline } from "@/lib/lives/live-timeline";

const STEPS = ["comments", "buy_intents", "reserved", "dm_sent", "checkout_opened", "paid"] as const;

type Fmt = { money: (minor: number) => string; num: (n: number) => string; pct: (v: number) => string; time: (d: Date) => string };

/** The post-live report: the funnel with what each step kept, the losses, products, the live's timeline and the comparison with earlier lives. */
export function LiveReportView({ title, running, emailedAt, report, timeline, previousConversion, t, fmt, dir, locale }: {
  title: string;
  running: boolean;
  emailedAt: Date | null;
  report: LiveReport;
  timeline: LiveTimeline;
  previousConversion: number | null;
  t: BuyersMessages["report"];
  fmt: Fmt;
  dir: "ltr" | "rtl";
  /** The dashboard language (plural rules of the counts). */
  locale: string;
}) {
  const top = Math.max(1, report.comments);
  const conversion = report.comments > 0 ? report.paid / report.comments : 0;
  return (
    <div className="flex flex-col gap-6" data-testid="live-report">
      <Link href="/dashboard/live" className="inline-flex items-center gap-1 self-start text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4 rtl:rotate-180" aria-hidden /> {t.back}
      </Link>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t.title}: <bdi>{title}</bdi></h1>
        {emailedAt && <p className="text-sm text-muted-foreground">{format(t.emailed, { time: fmt.time(emailedAt) })}</p>}
      </div>
      {running && <Alert tone="info">{t.running}</Alert>}

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label={t.revenue} value={fmt.money(report.revenue_minor)} tone={report.revenue_minor > 0 ? "success" : undefined} className="col-span-2 lg:col-span-1" data-testid="report-revenue" />
        <Stat
          label={t.conversion}
          value={fmt.pct(conversion)}
          hint={previousConversion === null ? t.noPrevious : format(t.previous, { pct: fmt.pct(previousConversion) })}
          className="col-span-2 lg:col-span-1"
        />
        <Stat label={t.waitlisted} value={fmt.num(report.waitlisted)} tone={report.waitlisted > 0 ? "warning" : undefined} data-testid="report-waitlisted" />
        <Stat label={t.expired} value={fmt.num(report.expired)} tone={report.expired > 0 ? "warning" : undefined} data-testid="report-expired" />
        <Stat
          label={t.unanswered}
          value={fmt.num(report.unanswered_questions)}
          hint={format(t.unansweredOf, { total: report.questions }, locale)}
          tone={report.unanswered_questions > 0 ? "warning" : undefined}
          className="col-span-2 lg:col-span-1"
          data-testid="report-unanswered"
        />
      </dl>

      <Card>
        <CardHeader><CardTitle>{t.funnel}</CardTitle></CardHeader>
        <CardContent>
          <ol className="flex flex-col gap-3" data-testid="report-funnel">
            {STEPS.map((step, i) => {
              const value = report[step];
              const before = i > 0 ? report[STEPS[i - 1]!] : null;
              return (
                <li key={step} className="flex flex-col gap-1" data-step={step} data-value={value}>
                  <div className="flex items-baseline justify-between gap-2 text-sm">
                    <span>{t.steps[step]}</span>
                    <span className="tabular-nums">
                      <span className="font-semibold">{fmt.num(value)}</span>
                      {before !== null && before > 0 && <span className="ms-2 text-xs text-muted-foreground">{format(t.ofPrevious, { pct: fmt.pct(value / before) })}</span>}
                    </span>
                  </div>
                  <div className="h-2 rounded-full bg-muted" aria-hidden><div className="h-2 rounded-full bg-primary" style={{ width: `${Math.max(value > 0 ? 2 : 0, (value / top) * 100)}%` }} /></div>
                </li>
              );
            })}
          </ol>
        </CardContent>
      </Card>

      <Card>
        <CardContent className="pt-5">
          <BarChart
            title={t.timeline}
            valueLabel={t.steps.comments}
            secondaryLabel={t.ordersSeries}
            data={timeline.points.map((p) => ({ label: format(t.minute, { minute: p.minute }), short: String(p.minute), value: p.comments, display: fmt.num(p.comments), secondary: p.reserved, secondaryDisplay: fmt.num(p.reserved) }))}
            emptyLabel={t.noProducts}
            dir={dir}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>{t.unansweredList}</CardTitle></CardHeader>
        <CardContent>
          {report.unanswered.length === 0 ? <p className="text-sm text-muted-foreground">{t.noUnanswered}</p> : (
            <ul className="flex flex-col divide-y divide-border" data-testid="report-unanswered-list">
              {report.unanswered.map((q) => (
                <li key={q.comment_id} className="flex flex-col gap-0.5 py-2 text-sm first:pt-0 last:pb-0">
                  <span className="flex flex-wrap items-baseline justify-between gap-x-3 text-xs text-muted-foreground">
                    <bdi className="font-medium text-foreground">{q.author_name || "—"}</bdi>
                    <time dateTime={new Date(q.received_at).toISOString()}>{fmt.time(new Date(q.received_at))}</time>
                  </span>
                  <bdi className="break-words">{q.text}</bdi>
                </li>
              ))}
              {report.unanswered_questions > report.unanswered.length && (
                <li className="pt-2 text-xs text-muted-foreground">{format(t.unansweredMore, { count: fmt.num(report.unanswered_questions - report.unanswered.length) })}</li>
              )}
            </ul>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>{t.products}</CardTitle></CardHeader>
        <CardContent>
          {report.by_product.length === 0 ? <p className="text-sm text-muted-foreground">{t.noProducts}</p> : (
            <>
              <div className="hidden md:block">
                <Table data-testid="report-products">
                  <THead><TR><TH>{t.product}</TH><TH className="text-end">{t.reservedUnits}</TH><TH className="text-end">{t.paidUnits}</TH><TH className="text-end">{t.revenue}</TH><TH className="text-end">{t.waitlistedUnits}</TH></TR></THead>
                  <TBody>
                    {report.by_product.map((p) => (
                      <TR key={p.sku}>
                        <TD><bdi className="font-mono text-xs text-muted-foreground">{p.sku}</bdi> <bdi>{p.name}</bdi></TD>
                        <TD className="text-end tabular-nums">{fmt.num(p.reserved_units)}</TD>
                        <TD className="text-end tabular-nums">{fmt.num(p.paid_units)}</TD>
                        <TD className="text-end tabular-nums whitespace-nowrap">{fmt.money(p.revenue_minor)}</TD>
                        <TD className="text-end tabular-nums">{fmt.num(p.waitlisted_units)}</TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
              </div>
              <ul className="flex flex-col gap-3 md:hidden" data-testid="report-products-cards">
                {report.by_product.map((p) => (
                  <li key={p.sku} className="rounded-lg border border-border p-3">
                    <div className="flex items-baseline justify-between gap-2 text-sm">
                      <span className="min-w-0 truncate"><bdi className="font-mono text-xs text-muted-foreground">{p.sku}</bdi> <bdi>{p.name}</bdi></span>
                      <span className="shrink-0 tabular-nums">{fmt.money(p.revenue_minor)}</span>
                    </div>
                    <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
                      <div><dt className="text-xs text-muted-foreground">{t.reservedUnits}</dt><dd className="tabular-nums">{fmt.num(p.reserved_units)}</dd></div>
                      <div><dt className="text-xs text-muted-foreground">{t.paidUnits}</dt><dd className="tabular-nums">{fmt.num(p.paid_units)}</dd></div>
                      <div><dt className="text-xs text-muted-foreground">{t.waitlistedUnits}</dt><dd className="tabular-nums">{fmt.num(p.waitlisted_units)}</dd></div>
                    </dl>
                  </li>
                ))}
              </ul>
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
