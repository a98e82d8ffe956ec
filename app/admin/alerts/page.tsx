import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { listOperatorAlerts } from "@/lib/alerts/list-operator-alerts";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).alerts.title };
}

export default async function AlertsPage() {
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const { items, open } = await listOperatorAlerts({ state: "all", limit: 200 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{c.alerts.title}</h1>
        <p className="text-sm text-muted-foreground">{c.alerts.explain}</p>
      </div>
      <Card>
        <CardHeader><CardTitle>{open > 0 ? c.alerts.openCount.replace("{n}", String(open)) : c.alerts.allClear}</CardTitle></CardHeader>
        <CardContent className="overflow-x-auto">
          {items.length === 0 ? (
            <p className="p-3 text-sm text-muted-foreground">{c.alerts.none}</p>
          ) : (
            <Table>
              <THead><TR><TH>{c.alerts.state}</TH><TH>{c.alerts.kind}</TH><TH>{c.alerts.summary}</TH><TH>{c.alerts.fired}</TH><TH>{c.alerts.resolved}</TH></TR></THead>
              <TBody>
                {items.map((a) => (
                  <TR key={a.id}>
                    <TD><span className={a.open ? "rounded bg-red-500/15 px-2 py-0.5 text-xs font-medium text-red-300" : "rounded bg-emerald-500/15 px-2 py-0.5 text-xs font-medium text-emerald-300"}>{a.open ? c.alerts.firing : c.alerts.recovered}</span></TD>
                    <TD><code className="text-xs">{a.kind}</code></TD>
                    <TD className="max-w-xl"><bdi>{a.summary}</bdi></TD>
                    <TD className="whitespace-nowrap">{date.format(new Date(a.fired_at))}</TD>
                    <TD className="whitespace-nowrap">{a.resolved_at ? date.format(new Date(a.resolved_at)) : "—"}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
