import Link from "next/link";
import { PublicShell } from "@/components/auth/public-shell";
import { ForgotPasswordForm } from "@/components/auth/password-forms";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { env } from "@/lib/env";
import { format } from "@/lib/i18n";
import { accountMessages } from "@/lib/i18n/account";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: accountMessages(locale).forgot.title };
}

export const dynamic = "force-dynamic";

/** "Forgot your password?": the emailed single-use reset link (POST /api/v1/auth/password/forgot). */
export default async function ForgotPasswordPage() {
  const { t, locale } = await getMessages();
  const a = accountMessages(locale).forgot;
  const support = env().SUPPORT_EMAIL;
  return (
    <PublicShell locale={locale} languageLabel={t.nav.language}>
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold leading-none tracking-tight">{a.title}</h1>
          <CardDescription>{a.body}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <ForgotPasswordForm t={a} />
          <Link href="/login" className="text-sm text-blue-300 underline-offset-4 hover:underline">{a.back}</Link>
          {support && <a href={`mailto:${support}`} className="text-xs text-muted-foreground underline-offset-4 hover:underline" data-testid="support-email">{format(a.support, { email: support })}</a>}
        </CardContent>
      </Card>
    </PublicShell>
  );
}
