import { PublicShell } from "@/components/auth/public-shell";
import { ConfirmEmailForm } from "@/components/account/confirm-email-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { accountMessages } from "@/lib/i18n/account";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: accountMessages(locale).lifecycle.verifyTitle };
}

export const dynamic = "force-dynamic";

/** The page the verification and change-of-email emails link to (`?token=`). */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { t, locale } = await getMessages();
  const a = accountMessages(locale).lifecycle;
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && raw.length >= 10 && raw.length <= 200 ? raw : null;
  return (
    <PublicShell locale={locale} languageLabel={t.nav.language}>
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold leading-none tracking-tight">{a.verifyTitle}</h1>
        </CardHeader>
        <CardContent>
          {token ? <ConfirmEmailForm token={token} t={a} /> : <Alert tone="warning">{a.missingLink}</Alert>}
        </CardContent>
      </Card>
    </PublicShell>
  );
}
