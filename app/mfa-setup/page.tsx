import { redirect } from "next/navigation";
import { PublicShell } from "@/components/auth/public-shell";
import { SecurityPanel } from "@/components/dashboard/settings/security-panel";
import { SignOutButton } from "@/components/account/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/current-user";
import { landingPath } from "@/lib/auth/landing-path";
import { mfaRequirement } from "@/lib/auth/mfa/mfa-requirement";
import { accountMessages } from "@/lib/i18n/account";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata() {
  const { locale } = await getMessages();
  return { title: accountMessages(locale).lifecycle.mfaRequiredTitle };
}

export const dynamic = "force-dynamic";

/**
 * Where the console and the dashboard send a user who must use two-step verification and has not set it
 * up (every superadmin; an owner of a high-volume store after the grace period): enrolment, then on.
 */
export default async function MfaSetupPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/mfa-setup");
  const home = landingPath({ platformRole: user.platformRole });
  const requirement = await mfaRequirement({ user });
  if (requirement.state !== "required") redirect(home);
  const { t, locale } = await getMessages();
  const a = accountMessages(locale);
  return (
    <PublicShell locale={locale} languageLabel={t.nav.language} home={home}>
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold leading-tight tracking-tight">{a.lifecycle.mfaRequiredTitle}</h1>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <Alert tone="warning" data-testid="mfa-required-reason">{requirement.reason === "superadmin" ? a.lifecycle.mfaRequiredSuperadmin : a.lifecycle.mfaRequiredOwner}</Alert>
          <SecurityPanel enabled={false} t={a.security} enrolOnly doneHref={home} />
          <SignOutButton label={a.lifecycle.signOut} />
        </CardContent>
      </Card>
    </PublicShell>
  );
}
