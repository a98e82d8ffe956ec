import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { listAiDecisions, listAudit } from "@/lib/admin/logs";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).logs.title };
}

export default async function LogsPage() {
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const [audit, ai] = await Promise.all([listAudit({ limit: 50 }), listAiDecisions({ max_confidence: 0.7, limit: 50 })]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  const pct = new Intl.NumberFormat(locale, { style: "percent" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.logs.title}</h1>
      <Card>
        <CardHeader><CardTitle>{c.logs.audit}</CardTitle></CardHeader>
        <CardContent className="overflow-x-auto">
          <Table>
            <THead><TR><TH>{c.logs.at}</TH><TH>{c.logs.action}</TH><TH>{c.logs.actor}</TH><TH>{c.tickets.store}</TH></TR></THead>
            <TBody>{audit.items.map((a) => <TR key={a.id}><TD>{date.format(new Date(a.at))}</TD><TD><code>{a.action}</code></TD><TD className="text-xs">{a.actor_type} {a.actor_id ?? ""}</TD><TD className="text-xs">{a.store_id ?? "—"}</TD></TR>)}</TBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>{c.logs.ai}</CardTitle></CardHeader>
        <CardContent className="overflow-x-auto">
          <Table>
            <THead><TR><TH>{c.logs.at}</TH><TH>{c.logs.text}</TH><TH>{c.logs.intent}</TH><TH className="text-end">{c.logs.confidence}</TH><TH>{c.logs.engine}</TH></TR></THead>
            <TBody>{[...ai.items].sort((x, y) => x.confidence - y.confidence).map((d) => <TR key={d.id}><TD>{date.format(new Date(d.at))}</TD><TD className="max-w-80 truncate"><bdi>{d.text}</bdi></TD><TD>{d.intent}{d.sku ? ` · ${d.sku}` : ""}</TD><TD className="text-end tabular-nums">{pct.format(d.confidence)}</TD><TD>{d.engine}</TD></TR>)}</TBody>
          </Table>
          {ai.items.length === 0 && <p className="p-3 text-sm text-muted-foreground">{c.common.none}</p>}
        </CardContent>
      </Card>
    </div>
  );
}
