import Link from "next/link";
import { PublicShell } from "@/components/auth/public-shell";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/current-user";
import { landingPath } from "@/lib/auth/landing-path";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.notFound.title };
}

/** Any unknown address (and what a non-superadmin sees at /admin): branded, in the visitor's language, with a way back. */
export default async function NotFound() {
  const [user, { t, locale }] = await Promise.all([getSessionUser().catch(() => null), getMessages()]);
  const back = user ? landingPath({ platformRole: user.platformRole }) : "/";
  return (
    <PublicShell locale={locale} languageLabel={t.nav.language} home={back} className="items-start">
      <p className="font-mono text-5xl font-bold text-blue-400" aria-hidden>404</p>
      <h1 className="text-2xl font-bold">{t.notFound.title}</h1>
      <p className="text-muted-foreground">{t.notFound.body}</p>
      <Button asChild data-testid="not-found-back"><Link href={back}>{user ? t.notFound.toDashboard : t.notFound.toHome}</Link></Button>
    </PublicShell>
  );
}
