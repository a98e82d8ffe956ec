import Link from "next/link";
import { Mail } from "lucide-react";
import { PublicShell } from "@/components/auth/public-shell";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { env } from "@/lib/env";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.recover.title };
}

export const dynamic = "force-dynamic";

/**
 * "Forgot your password?" until the emailed reset flow exists: how to get back in, in the visitor's
 * language — write to the platform's support address (SUPPORT_EMAIL) or ask its administrator.
 */
export default async function ForgotPasswordPage() {
  const { t, locale } = await getMessages();
  const support = env().SUPPORT_EMAIL;
  return (
    <PublicShell locale={locale} languageLabel={t.nav.language}>
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold leading-none tracking-tight">{t.recover.title}</h1>
          <CardDescription>{t.recover.body}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {support ? (
            <Button asChild className="self-start" data-testid="support-email">
              <a href={`mailto:${support}`}><Mail aria-hidden /> {format(t.recover.contact, { email: support })}</a>
            </Button>
          ) : (
            <p className="text-sm">{t.recover.noEmail}</p>
          )}
          <Link href="/login" className="text-sm text-blue-300 underline-offset-4 hover:underline">{t.recover.back}</Link>
        </CardContent>
      </Card>
    </PublicShell>
  );
}
