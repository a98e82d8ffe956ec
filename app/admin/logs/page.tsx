import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { listAiDecisions, listAudit } from "@/lib/admin/logs";
import { listSweeperRuns } from "@/lib/jobs/sweep-stuck";
import { listQuarantinedItems } from "@/lib/pipeline/quarantine-webhook-items";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).logs.title };
}

export default async function LogsPage() {
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const [audit, ai, sweepers, quarantine] = await Promise.all([listAudit({ limit: 50 }), listAiDecisions({ max_confidence: 0.7, limit: 50 }), listSweeperRuns(), listQuarantinedItems({ limit: 50 })]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  const pct = new Intl.NumberFormat(locale, { style: "percent" });
  const n = new Intl.NumberFormat(locale);
  const h = c.health;
  const label = <K extends string>(map: Record<K, string>, key: string) => (Object.hasOwn(map, key) ? map[key as K] : key);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.logs.title}</h1>
      <section aria-labelledby="health-title" className="flex flex-col gap-4">
        <h2 id="health-title" className="text-xl font-semibold">{h.title}</h2>
        <Card>
          <CardHeader><CardTitle>{h.sweepers}</CardTitle></CardHeader>
          <CardContent className="overflow-x-auto">
            <Table data-testid="sweeper-runs" scrollLabel={h.sweepers}>
              <THead><TR><TH>{h.sweeper}</TH><TH>{h.lastRun}</TH><TH className="text-end">{h.lastCount}</TH><TH className="text-end">{h.total}</TH><TH>{h.lastActed}</TH><TH>{h.error}</TH></TR></THead>
              <TBody>{sweepers.map((r) => <TR key={r.name}><TD>{label(h.names, r.name)}</TD><TD>{date.format(new Date(r.last_run_at))}</TD><TD className="text-end tabular-nums">{n.format(r.last_count)}</TD><TD className="text-end tabular-nums">{n.format(r.total_count)}</TD><TD>{r.last_acted_at ? date.format(new Date(r.last_acted_at)) : h.never}</TD><TD className="max-w-64 truncate text-xs">{r.last_error ?? "—"}</TD></TR>)}</TBody>
            </Table>
            {sweepers.length === 0 && <p className="p-3 text-sm text-muted-foreground">{c.common.none}</p>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{h.quarantine}</CardTitle>
            <p className="text-sm text-muted-foreground">{h.quarantineHint} {h.quarantineTotal.replace("{n}", n.format(quarantine.total))}</p>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <Table data-testid="webhook-quarantine" scrollLabel={h.quarantine}>
              <THead><TR><TH>{c.logs.at}</TH><TH>{h.page}</TH><TH>{h.kind}</TH><TH>{h.reason}</TH><TH>{h.field}</TH><TH>{h.metaId}</TH></TR></THead>
              <TBody>{quarantine.items.map((q) => <TR key={q.id}><TD>{date.format(new Date(q.at))}</TD><TD className="text-xs"><bdi>{q.page_id ?? "—"}</bdi></TD><TD>{label(h.kinds, q.kind)}</TD><TD>{label(h.reasons, q.reason)}</TD><TD className="max-w-72 truncate"><code dir="ltr" className="text-xs">{q.path}</code></TD><TD className="max-w-48 truncate text-xs"><bdi>{q.external_id ?? "—"}</bdi></TD></TR>)}</TBody>
            </Table>
            {quarantine.items.length === 0 && <p className="p-3 text-sm text-muted-foreground">{c.common.none}</p>}
          </CardContent>
        </Card>
      </section>
      <Card>
        <CardHeader><CardTitle>{c.logs.audit}</CardTitle></CardHeader>
        <CardContent className="overflow-x-auto">
          <Table scrollLabel={c.logs.audit}>
            <THead><TR><TH>{c.logs.at}</TH><TH>{c.logs.action}</TH><TH>{c.logs.actor}</TH><TH>{c.tickets.store}</TH></TR></THead>
            <TBody>{audit.items.map((a) => <TR key={a.id}><TD>{date.format(new Date(a.at))}</TD><TD><code>{a.action}</code></TD><TD className="text-xs">{a.actor_type} {a.actor_id ?? ""}</TD><TD className="text-xs">{a.store_id ?? "—"}</TD></TR>)}</TBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>{c.logs.ai}</CardTitle></CardHeader>
        <CardContent className="overflow-x-auto">
          <Table scrollLabel={c.logs.ai}>
            <THead><TR><TH>{c.logs.at}</TH><TH>{c.logs.text}</TH><TH>{c.logs.intent}</TH><TH className="text-end">{c.logs.confidence}</TH><TH>{c.logs.engine}</TH></TR></THead>
            <TBody>{[...ai.items].sort((x, y) => x.confidence - y.confidence).map((d) => <TR key={d.id}><TD>{date.format(new Date(d.at))}</TD><TD className="max-w-80 truncate"><bdi>{d.text}</bdi></TD><TD>{d.intent}{d.sku ? ` · ${d.sku}` : ""}</TD><TD className="text-end tabular-nums">{pct.format(d.confidence)}</TD><TD>{d.engine}</TD></TR>)}</TBody>
          </Table>
          {ai.items.length === 0 && <p className="p-3 text-sm text-muted-foreground">{c.common.none}</p>}
        </CardContent>
      </Card>
    </div>
  );
}
