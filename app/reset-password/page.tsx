import Link from "next/link";
import { PublicShell } from "@/components/auth/public-shell";
import { ResetPasswordForm } from "@/components/auth/password-forms";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { accountMessages } from "@/lib/i18n/account";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: accountMessages(locale).reset.title };
}

export const dynamic = "force-dynamic";

/** The page the reset email links to (`?token=`); the token is checked when the new password is sent. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { t, locale } = await getMessages();
  const a = accountMessages(locale).reset;
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && raw.length >= 10 && raw.length <= 200 ? raw : null;
  return (
    <PublicShell locale={locale} languageLabel={t.nav.language}>
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold leading-none tracking-tight">{a.title}</h1>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {token ? (
            <ResetPasswordForm token={token} t={a} />
          ) : (
            <>
              <Alert tone="warning">{a.missing}</Alert>
              <Link href="/forgot-password" className="text-sm text-blue-300 underline-offset-4 hover:underline">{a.askAgain}</Link>
            </>
          )}
        </CardContent>
      </Card>
    </PublicShell>
  );
}
