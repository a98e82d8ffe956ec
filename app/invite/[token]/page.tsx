import Link from "next/link";
import { redirect } from "next/navigation";
import { InvitationCard } from "@/components/auth/invitation-card";
import { PublicShell } from "@/components/auth/public-shell";
import { InviteActions } from "@/components/dashboard/invite-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/server";
import { invitationPreview } from "@/lib/team/invitation-preview";

export async function generateMetadata() {
  const { t } = await getMessages();
  return { title: t.invite.title, referrer: "no-referrer" as const };
}

/**
 * The invitation link. Signed out: on to sign-up with the invitation on screen (the invitee joins as soon
 * as the account exists). Signed in: the invitation, to accept or leave for later.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [user, { t, locale }, invite] = await Promise.all([getSessionUser(), getMessages(), invitationPreview({ token: decodeURIComponent(token) })]);
  if (invite && !user) redirect(`/signup?invite=${encodeURIComponent(invite.token)}`);
  const home = user ? "/dashboard" : "/";
  return (
    <PublicShell locale={locale} languageLabel={t.nav.language} home={home}>
      {invite ? (
        <InvitationCard invite={invite} t={t.invite} roles={t.settings.roles}>
          <InviteActions storeId={invite.storeId} token={invite.token} t={t.invite} />
        </InvitationCard>
      ) : (
        <>
          <h1 className="text-xl font-semibold">{t.invite.title}</h1>
          <Alert tone="warning" data-testid="invitation-invalid">{t.invite.invalid}</Alert>
          <Button asChild variant="outline" className="self-start">
            <Link href={home}>{user ? t.notFound.toDashboard : t.notFound.toHome}</Link>
          </Button>
        </>
      )}
    </PublicShell>
  );
}
