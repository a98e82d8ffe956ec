import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ActionNotice } from "@/components/admin/notice";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { listReports } from "@/lib/admin/reports";
import { RANGES } from "@/lib/admin/schemas";
import { createReportAction } from "../actions";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).reports.title };
}

const KINDS = ["tenants", "gmv", "usage"] as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const sp = await searchParams;
  const { items } = await listReports();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.reports.title}</h1>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      <Card>
        <CardHeader><CardTitle>{c.reports.generate}</CardTitle></CardHeader>
        <CardContent>
          <form action={createReportAction} className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1"><Label htmlFor="kind">{c.reports.kind}</Label><Select id="kind" name="kind">{KINDS.map((k) => <option key={k} value={k}>{c.reports.kinds[k]}</option>)}</Select></div>
            <div className="flex flex-col gap-1"><Label htmlFor="range">{c.reports.range}</Label><Select id="range" name="range" defaultValue="30d">{RANGES.map((r) => <option key={r} value={r}>{c.ranges[r]}</option>)}</Select></div>
            <Button type="submit">{c.reports.generate}</Button>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardContent className="overflow-x-auto pt-4">
          <Table>
            <THead><TR><TH>{c.reports.kind}</TH><TH>{c.reports.range}</TH><TH>{c.common.status}</TH><TH className="text-end">{c.reports.rows}</TH><TH>{c.common.created}</TH><TH /></TR></THead>
            <TBody>
              {items.map((r) => (
                <TR key={r.id}>
                  <TD>{c.reports.kinds[r.kind as (typeof KINDS)[number]] ?? r.kind}</TD>
                  <TD>{c.ranges[r.range as (typeof RANGES)[number]] ?? r.range}</TD>
                  <TD>{c.status[r.status as "done"] ?? r.status}</TD>
                  <TD className="text-end tabular-nums">{r.rows}</TD>
                  <TD>{date.format(new Date(r.created_at))}</TD>
                  <TD>{r.download_url && <a className="underline" href={r.download_url} download>{c.reports.download}</a>}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {items.length === 0 && <p className="p-3 text-sm text-muted-foreground">{c.common.none}</p>}
        </CardContent>
      </Card>
    </div>
  );
}
