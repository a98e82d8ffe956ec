import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { listTicketsForAdmin } from "@/lib/support/tickets";
import { TICKET_STATUSES } from "@/lib/support/schemas";
import { cn } from "@/lib/utils";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).tickets.title };
}

export default async function TicketsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const sp = await searchParams;
  const status = (TICKET_STATUSES as readonly string[]).includes(sp.status ?? "") ? (sp.status as (typeof TICKET_STATUSES)[number]) : undefined;
  const list = await listTicketsForAdmin({ status, limit: 100, offset: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.tickets.title}</h1>
      <nav aria-label={c.common.status} className="flex flex-wrap gap-1">
        {[undefined, ...TICKET_STATUSES].map((s) => (
          <Link key={s ?? "all"} href={s ? `/admin/tickets?status=${s}` : "/admin/tickets"} aria-current={s === status ? "page" : undefined} className={cn("rounded-md border border-border px-3 py-1.5 text-sm", s === status ? "bg-primary/15" : "text-muted-foreground hover:bg-muted")}>{s ? c.status[s] : c.common.all}</Link>
        ))}
      </nav>
      <Card>
        <CardContent className="overflow-x-auto pt-4">
          <Table>
            <THead><TR><TH>{c.tickets.severity}</TH><TH>{c.tickets.subject}</TH><TH>{c.tickets.store}</TH><TH>{c.common.status}</TH><TH>{c.tickets.due}</TH></TR></THead>
            <TBody>
              {list.items.map((t) => (
                <TR key={t.id} className={cn(t.overdue && "bg-rose-500/10")}>
                  <TD><Badge variant="outline">{t.severity}</Badge></TD>
                  <TD><Link href={`/admin/tickets/${t.id}`} className="font-medium hover:underline"><bdi>{t.subject}</bdi></Link></TD>
                  <TD>{t.store_id ? <Link href={`/admin/tenants/${t.store_id}`} className="hover:underline"><bdi>{t.store_name ?? t.store_id}</bdi></Link> : "—"}</TD>
                  <TD>{c.status[t.status]}</TD>
                  <TD>{date.format(new Date(t.sla_due_at))}{t.overdue && <Badge variant="outline" className="ms-2 text-rose-300">{c.tickets.overdue}</Badge>}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {list.items.length === 0 && <p className="p-3 text-sm text-muted-foreground">{c.common.none}</p>}
        </CardContent>
      </Card>
    </div>
  );
}
