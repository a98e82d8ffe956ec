import Link from "next/link";
import { EmailLinkCard } from "@/components/auth/email-link-card";
import { ResetPasswordForm } from "@/components/auth/password-forms";
import { Alert } from "@/components/ui/alert";
import { linkToken } from "@/lib/auth/link-token";
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
  const token = linkToken((await searchParams).token);
  return (
    <EmailLinkCard locale={locale} languageLabel={t.nav.language} title={a.title} contentClassName="flex flex-col gap-4">
      {token ? (
        <ResetPasswordForm token={token} t={a} />
      ) : (
        <>
          <Alert tone="warning">{a.missing}</Alert>
          <Link href="/forgot-password" className="text-sm text-blue-300 underline-offset-4 hover:underline">{a.askAgain}</Link>
        </>
      )}
    </EmailLinkCard>
  );
}
