import { EmailLinkCard } from "@/components/auth/email-link-card";
import { ConfirmEmailForm } from "@/components/account/confirm-email-form";
import { Alert } from "@/components/ui/alert";
import { linkToken } from "@/lib/auth/link-token";
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
  const token = linkToken((await searchParams).token);
  return (
    <EmailLinkCard locale={locale} languageLabel={t.nav.language} title={a.verifyTitle}>
      {token ? <ConfirmEmailForm token={token} t={a} /> : <Alert tone="warning">{a.missingLink}</Alert>}
    </EmailLinkCard>
  );
}
