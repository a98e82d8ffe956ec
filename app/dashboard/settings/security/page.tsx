import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { SecurityPanel } from "@/components/dashboard/settings/security-panel";
import { SessionsList } from "@/components/account/sessions-list";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { getMfaStatus } from "@/lib/auth/mfa/mfa-status";
import { listSessions } from "@/lib/auth/sessions/list-sessions";
import { accountMessages } from "@/lib/i18n/account";
import { getUiLocale } from "@/lib/i18n/server";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";

export const metadata = { title: "Security" };
export const dynamic = "force-dynamic";

/** Settings → Security: two-step verification, signed-in sessions, sign-in email, password and account deletion. */
export default async function SecuritySettingsPage() {
  const { user } = await requireDashboardStore();
  const locale = await getUiLocale();
  const a = accountMessages(locale);
  const t = a.security;
  const [status, sessions] = await Promise.all([getMfaStatus({ userId: user.id }), listSessions({ userId: user.id, currentSessionId: user.sessionId })]);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <Card>
        <CardHeader>
          <CardDescription>{t.intro}</CardDescription>
        </CardHeader>
        <CardContent><SecurityPanel enabled={status.enabled} t={t} /></CardContent>
      </Card>
      <SessionsList sessions={sessions} locale={locale} t={a.lifecycle} />
      <ChangeEmailForm email={user.email} verified={user.emailVerified} t={a.lifecycle} passwordLabel={t.currentPassword} />
      <DeleteAccountForm t={a.lifecycle} />
    </div>
  );
}
