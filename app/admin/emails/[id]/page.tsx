import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getEmail } from "@/lib/admin/list-emails";
import { accountMessages } from "@/lib/i18n/account";
import { getUiLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/** One email as sent: plain text, and the HTML in a sandboxed frame (no scripts, no same-origin access). */
export default async function AdminEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const t = accountMessages(await getUiLocale()).adminEmails;
  const email = await getEmail({ id: (await params).id }).catch(() => null);
  if (!email) notFound();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/emails" className="text-sm text-blue-300 underline-offset-4 hover:underline">{t.back}</Link>
      <Card>
        <CardHeader>
          <CardTitle data-testid="admin-email-subject">{email.subject}</CardTitle>
          <CardDescription>{t.to}: <bdi>{email.to}</bdi> · {email.status}{email.error ? ` · ${email.error}` : ""}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <section>
            <h2 className="mb-2 text-sm font-semibold">{t.text}</h2>
            <pre className="whitespace-pre-wrap break-words rounded-md bg-muted p-3 text-sm" data-testid="admin-email-text">{email.text}</pre>
          </section>
          <section>
            <h2 className="mb-2 text-sm font-semibold">{t.html}</h2>
            <iframe title={email.subject} sandbox="" srcDoc={email.html} className="h-96 w-full rounded-md border border-border bg-white" />
          </section>
        </CardContent>
      </Card>
    </div>
  );
}
