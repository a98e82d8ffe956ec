import Link from "next/link";
import { BarChart3 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { LiveSummary } from "@/lib/analytics/past-lives";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

type Fmt = { money: (minor: number) => string; pct: (v: number) => string; date: (iso: string) => string; num: (n: number) => string };

/** Lives with what each produced; a table on wide screens, cards on phones. */
export function LivesTable({ lives, t, tl, fmt, reportLabel }: { lives: LiveSummary[]; t: Messages["overview"]; tl: Messages["live"]; fmt: Fmt; reportLabel?: string }) {
  if (lives.length === 0) return <p className="text-muted-foreground">{t.noLives}</p>;
  const status = (l: LiveSummary) => <Badge variant={l.status === "ACTIVE" ? "success" : "outline"}>{tl.statuses[l.status]}</Badge>;
  // The post-live report, once the live has ended.
  const report = (l: LiveSummary) =>
    reportLabel && l.status !== "ACTIVE" ? (
      <Link href={`/dashboard/live/${l.id}/report`} className="inline-flex items-center gap-1 text-sm text-blue-300 hover:underline" data-testid="live-report-link">
        <BarChart3 className="size-3.5" aria-hidden /> {reportLabel}
      </Link>
    ) : null;
  return (
    <>
      <div className="hidden md:block">
        <Table data-testid="lives-table">
          <THead>
            <TR>
              <TH>{tl.liveTitle}</TH><TH>{t.started}</TH><TH className="text-end">{t.comments}</TH><TH className="text-end">{t.processed}</TH>
              <TH className="text-end">{t.orders}</TH><TH className="text-end">{t.paid}</TH><TH className="text-end">{t.revenue}</TH><TH className="text-end">{t.conversion}</TH>
            </TR>
          </THead>
          <TBody>
            {lives.map((l) => (
              <TR key={l.id}>
                <TD><Link href={`/dashboard/live/${l.id}`} className="font-medium text-blue-300 hover:underline">{l.title}</Link> <span className="ms-2">{status(l)}</span> {report(l) && <span className="ms-2">{report(l)}</span>}</TD>
                <TD className="text-muted-foreground">{fmt.date(l.startedAt)}</TD>
                <TD className="text-end tabular-nums">{fmt.num(l.comments)}</TD>
                <TD className="text-end tabular-nums">{fmt.num(l.processed)}</TD>
                <TD className="text-end tabular-nums">{fmt.num(l.orders)}</TD>
                <TD className="text-end tabular-nums">{fmt.num(l.paidOrders)}</TD>
                <TD className="text-end tabular-nums">{fmt.money(l.revenueMinor)}</TD>
                <TD className="text-end tabular-nums">{fmt.pct(l.conversion)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
      <ul className="flex flex-col gap-3 md:hidden" data-testid="lives-cards">
        {lives.map((l) => (
          <li key={l.id} className="rounded-lg border border-border bg-card p-4">
            <div className="flex items-start justify-between gap-2">
              <Link href={`/dashboard/live/${l.id}`} className="font-medium text-blue-300 hover:underline">{l.title}</Link>
              {status(l)}
            </div>
            <div className="mt-1 text-xs text-muted-foreground">{fmt.date(l.startedAt)}</div>
            <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
              <div><dt className="text-xs text-muted-foreground">{t.comments}</dt><dd className="tabular-nums">{fmt.num(l.comments)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">{t.orders}</dt><dd className="tabular-nums">{fmt.num(l.orders)}</dd></div>
              <div><dt className="text-xs text-muted-foreground">{t.revenue}</dt><dd className="tabular-nums">{fmt.money(l.revenueMinor)}</dd></div>
            </dl>
            {report(l) && <div className="mt-3">{report(l)}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}
