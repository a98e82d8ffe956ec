import { Suspense } from "react";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { InvitationCard } from "@/components/auth/invitation-card";
import { PublicShell } from "@/components/auth/public-shell";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { getSessionUser } from "@/lib/auth/current-user";
import { landingPath } from "@/lib/auth/landing-path";
import { getMessages } from "@/lib/i18n/server";
import { accountMessages } from "@/lib/i18n/account";
import { invitationPreview } from "@/lib/team/invitation-preview";

/**
 * Sign-in and sign-up share one page. With `?invite=<token>` (from an invitation link) the invitation is
 * shown above the form and the invitee joins that store as soon as they are signed in.
 * A signed-in visitor goes straight on: to the invitation, or to where they land after signing in.
 */
export async function AuthPage({ mode, searchParams }: { mode: "signin" | "signup"; searchParams: Promise<{ invite?: string; callbackUrl?: string }> }) {
  const sp = await searchParams;
  const [user, { t, locale }, invite] = await Promise.all([getSessionUser(), getMessages(), invitationPreview({ token: sp.invite })]);
  if (user) redirect(invite ? `/invite/${encodeURIComponent(invite.token)}` : landingPath({ platformRole: user.platformRole, callbackUrl: sp.callbackUrl }));
  const Title = invite ? "h2" : "h1";
  return (
    <PublicShell locale={locale} languageLabel={t.nav.language}>
      {invite && <InvitationCard invite={invite} t={t.invite} roles={t.settings.roles} note={mode === "signup" ? t.invite.signUpToJoin : t.invite.signInToJoin} />}
      {sp.invite && !invite && <Alert tone="warning">{t.invite.invalid}</Alert>}
      <Card>
        <CardHeader><Title className="text-lg font-semibold leading-none tracking-tight">{mode === "signin" ? t.auth.welcome : t.auth.createTitle}</Title></CardHeader>
        <CardContent>
          <Suspense>
            <AuthForm mode={mode} t={t.auth} tm={accountMessages(locale).mfa} invite={invite ? { token: invite.token, storeId: invite.storeId, email: invite.email } : null} />
          </Suspense>
        </CardContent>
      </Card>
    </PublicShell>
  );
}
