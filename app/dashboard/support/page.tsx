import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label, Select, Textarea } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { ActionNotice } from "@/components/admin/notice";
import { TicketThread } from "@/components/admin/ticket-thread";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { getTicket, listTicketsForStores } from "@/lib/support/tickets";
import { searchArticles } from "@/lib/support/articles";
import { SEVERITIES } from "@/lib/support/schemas";
import { AppError } from "@/lib/http/errors";
import { openTicketAction, replyTicketAction } from "./actions";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: consoleMessages(locale).support.title };
}

export default async function SupportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { store } = await requireDashboardStore();
  const { locale } = await getMessages();
  const c = consoleMessages(locale);
  const sp = await searchParams;
  const q = sp.q?.trim() || undefined;
  const [tickets, articles] = await Promise.all([listTicketsForStores({ storeIds: [store.id] }), searchArticles({ q, lang: locale })]);
  const open = sp.ticket
    ? await getTicket({ ticketId: sp.ticket, storeIds: [store.id] }).catch((e) => {
        if (e instanceof AppError && e.status === 404) return null;
        throw e;
      })
    : null;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{c.support.title}</h1>
      <ActionNotice ok={sp.ok} error={sp.error} locale={locale} savedLabel={c.support.sent} errorTemplate={c.common.error} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{c.support.newTicket}</CardTitle></CardHeader>
          <CardContent>
            <form action={openTicketAction} className="flex flex-col gap-3">
              <input type="hidden" name="store_id" value={store.id} />
              <div className="flex flex-col gap-1"><Label htmlFor="subject">{c.support.subject}</Label><Input id="subject" name="subject" required maxLength={200} /></div>
              <div className="flex flex-col gap-1"><Label htmlFor="severity">{c.support.severity}</Label>
                <Select id="severity" name="severity" defaultValue="S3">{SEVERITIES.map((s) => <option key={s} value={s}>{c.support.severities[s]}</option>)}</Select>
              </div>
              <div className="flex flex-col gap-1"><Label htmlFor="body">{c.support.body}</Label><Textarea id="body" name="body" required rows={5} maxLength={10000} /></div>
              <div><Button type="submit">{c.support.send}</Button></div>
            </form>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{c.support.articles}</CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-3">
            <form role="search" className="flex gap-2"><Input name="q" defaultValue={q} aria-label={c.support.searchArticles} placeholder={c.support.searchArticles} /><Button type="submit" variant="outline">{c.common.search}</Button></form>
            {articles.items.length === 0 && <p className="text-sm text-muted-foreground">{c.common.none}</p>}
            {articles.items.slice(0, 10).map((a) => (
              <details key={a.id} className="rounded-md border border-border p-3 text-sm">
                <summary className="cursor-pointer font-medium"><bdi>{a.title}</bdi></summary>
                <p className="mt-2 whitespace-pre-wrap">{a.body}</p>
              </details>
            ))}
          </CardContent>
        </Card>
      </div>
      <Card>
        <CardHeader><CardTitle>{c.support.yourTickets}</CardTitle></CardHeader>
        <CardContent className="flex flex-col gap-2">
          {tickets.items.length === 0 && <p className="text-sm text-muted-foreground">{c.common.none}</p>}
          {tickets.items.map((t) => (
            <Link key={t.id} href={`/dashboard/support?ticket=${t.id}`} aria-current={open?.id === t.id ? "true" : undefined} className="flex flex-wrap items-center gap-2 rounded-md border border-border p-2 text-sm hover:bg-muted">
              <Badge variant="outline">{t.severity}</Badge> <bdi className="font-medium">{t.subject}</bdi> <span className="text-muted-foreground">· {c.status[t.status]} · {date.format(new Date(t.created_at))}</span>
            </Link>
          ))}
        </CardContent>
      </Card>
      {open && (
        <Card data-testid="ticket-open">
          <CardHeader><CardTitle><bdi>{open.subject}</bdi> <Badge variant="outline">{c.status[open.status]}</Badge></CardTitle></CardHeader>
          <CardContent className="flex flex-col gap-4">
            <TicketThread messages={open.messages ?? []} mine="seller" labels={c.tickets.from} locale={locale} />
            <form action={replyTicketAction.bind(null, open.id)} className="flex flex-col gap-2">
              <Label htmlFor="reply">{c.support.reply}</Label>
              <Textarea id="reply" name="body" required rows={3} maxLength={10000} />
              <div><Button type="submit">{c.tickets.send}</Button></div>
            </form>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
