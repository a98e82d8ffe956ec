import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listEmails } from "@/lib/admin/list-emails";
import { accountMessages } from "@/lib/i18n/account";
import { getUiLocale } from "@/lib/i18n/server";

export const metadata = { title: "Emails" };
export const dynamic = "force-dynamic";

/** Admin → Emails: every email the platform sent (the mailbox itself when SMTP_URL is not set). */
export default async function AdminEmailsPage() {
  const locale = await getUiLocale();
  const t = accountMessages(locale).adminEmails;
  const { items } = await listEmails({ limit: 100, offset: 0 });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <Card>
        <CardHeader>
          <CardTitle className="sr-only">{t.title}</CardTitle>
          <CardDescription>{t.intro}</CardDescription>
        </CardHeader>
        <CardContent>
          {items.length === 0 ? <p className="text-sm text-muted-foreground">{t.empty}</p> : (
            <Table>
              <THead><TR><TH>{t.sent}</TH><TH>{t.to}</TH><TH>{t.subject}</TH><TH>{t.transport}</TH><TH>{t.status}</TH></TR></THead>
              <TBody>
                {items.map((e) => (
                  <TR key={e.id} data-testid="admin-email-row">
                    <TD className="whitespace-nowrap">{when.format(e.sentAt ?? e.createdAt)}</TD>
                    <TD><bdi>{e.to}</bdi></TD>
                    <TD><Link className="text-blue-300 underline-offset-4 hover:underline" href={`/admin/emails/${e.id}`}>{e.subject}</Link></TD>
                    <TD>{e.transport === "smtp" ? t.smtp : t.local}</TD>
                    <TD><Badge variant={e.status === "SENT" ? "success" : "outline"}>{e.status}</Badge></TD>
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
