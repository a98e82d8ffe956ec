import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { SecurityPanel } from "@/components/dashboard/settings/security-panel";
import { getMfaStatus } from "@/lib/auth/mfa/mfa-status";
import { accountMessages } from "@/lib/i18n/account";
import { getUiLocale } from "@/lib/i18n/server";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";

export const metadata = { title: "Security" };
export const dynamic = "force-dynamic";

/** Settings → Security: two-step verification of the signed-in user's own account. */
export default async function SecuritySettingsPage() {
  const { user } = await requireDashboardStore();
  const t = accountMessages(await getUiLocale()).security;
  const status = await getMfaStatus({ userId: user.id });
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <Card>
        <CardHeader>
          <CardDescription>{t.intro}</CardDescription>
        </CardHeader>
        <CardContent><SecurityPanel enabled={status.enabled} t={t} /></CardContent>
      </Card>
    </div>
  );
}
