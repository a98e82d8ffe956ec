import Link from "next/link";
import { Mail } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { accountMessages } from "@/lib/i18n/account";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { prisma } from "@/lib/db";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.admin.title };
}

export default async function AdminPage() {
  const { t, locale } = await getMessages();
  const c = t.admin.columns;
  const count = new Intl.NumberFormat(locale);
  const [stores, users, openTickets] = await Promise.all([
    prisma.store.findMany({
      orderBy: { createdAt: "desc" },
      take: 100,
      include: { subscription: { include: { plan: true } }, _count: { select: { memberships: true, products: true, orders: true } } },
    }),
    prisma.user.count(),
    prisma.supportTicket.count({ where: { status: "OPEN" } }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t.admin.title}</h1>
        <Link href="/admin/emails" className="inline-flex items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm hover:bg-muted"><Mail className="size-4" aria-hidden /> {accountMessages(locale).adminEmails.title}</Link>
      </div>
      <div className="grid grid-cols-3 gap-4">
        {[
          { label: t.admin.tenants, value: stores.length },
          { label: t.admin.users, value: users },
          { label: t.admin.tickets, value: openTickets },
        ].map((x) => (
          <Card key={x.label}>
            <CardHeader className="pb-2"><CardTitle className="text-sm font-medium text-muted-foreground">{x.label}</CardTitle></CardHeader>
            <CardContent className="text-2xl font-semibold">{count.format(x.value)}</CardContent>
          </Card>
        ))}
      </div>
      <Card>
        <CardHeader><CardTitle>{t.admin.tenants}</CardTitle></CardHeader>
        <CardContent>
          <Table>
            <THead><TR><TH>{c.store}</TH><TH>{c.country}</TH><TH>{c.plan}</TH><TH className="text-end">{c.members}</TH><TH className="text-end">{c.products}</TH><TH className="text-end">{c.orders}</TH></TR></THead>
            <TBody>
              {stores.map((s) => (
                <TR key={s.id}>
                  <TD><bdi>{s.name}</bdi></TD>
                  <TD>{s.country} · {s.currency}</TD>
                  <TD>{s.subscription ? <Badge variant="outline">{s.subscription.plan.name} · {t.admin.subscriptionStatus[s.subscription.status]}</Badge> : "—"}</TD>
                  <TD className="text-end">{s._count.memberships}</TD>
                  <TD className="text-end">{s._count.products}</TD>
                  <TD className="text-end">{s._count.orders}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
