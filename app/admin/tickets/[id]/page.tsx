import Link from "next/link";
import { notFound } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, Select, Textarea } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { ActionNotice } from "@/components/admin/notice";
import { TicketThread } from "@/components/admin/ticket-thread";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { getTicket } from "@/lib/support/tickets";
import { TICKET_STATUSES } from "@/lib/support/schemas";
import { AppError } from "@/lib/http/errors";
import { replyTicketAction, setTicketStatusAction } from "../../actions";

export default async function AdminTicketPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const ticket = await getTicket({ ticketId: id, storeIds: "all" }).catch((e) => {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin/tickets" className="text-sm text-muted-foreground hover:underline">← {c.common.back}</Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-bold"><bdi>{ticket.subject}</bdi> <Badge variant="outline">{ticket.severity}</Badge> <Badge variant="outline">{c.status[ticket.status]}</Badge>{ticket.overdue && <Badge variant="outline" className="text-rose-300">{c.tickets.overdue}</Badge>}</h1>
        <p className="text-sm text-muted-foreground">{ticket.opened_by.name} · {ticket.opened_by.email}{ticket.store_id && <> · <Link className="hover:underline" href={`/admin/tenants/${ticket.store_id}`}>{c.tickets.store}</Link></>}</p>
      </div>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.common.saved} errorTemplate={c.common.error} />
      <Card>
        <CardHeader><CardTitle>{c.tickets.thread}</CardTitle></CardHeader>
        <CardContent className="flex flex-col gap-4">
          <TicketThread messages={ticket.messages ?? []} mine="support" labels={c.tickets.from} locale={locale} />
          <form action={replyTicketAction.bind(null, ticket.id)} className="flex flex-col gap-2">
            <Label htmlFor="reply">{c.tickets.reply}</Label>
            <Textarea id="reply" name="body" required rows={4} maxLength={10000} />
            <div><Button type="submit">{c.tickets.send}</Button></div>
          </form>
          <form action={setTicketStatusAction.bind(null, ticket.id)} className="flex items-end gap-2">
            <div className="flex flex-col gap-1"><Label htmlFor="status">{c.tickets.markAs}</Label>
              <Select id="status" name="status" defaultValue={ticket.status}>{TICKET_STATUSES.map((s) => <option key={s} value={s}>{c.status[s]}</option>)}</Select>
            </div>
            <Button type="submit" variant="outline">{c.common.save}</Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
