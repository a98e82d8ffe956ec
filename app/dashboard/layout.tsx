import { redirect } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/shell";
import { DashboardProviders } from "@/components/dashboard/dashboard-providers";
import { Providers } from "@/app/providers";
import { simulatorEnabled } from "@/lib/simulator/simulator";
import { InviteBanner } from "@/components/dashboard/invite-banner";
import { getSessionUser } from "@/lib/auth/current-user";
import { getCurrentStore } from "@/lib/stores/current-store";
import { getMessages } from "@/lib/i18n/server";
import { pendingInviteFromCookie } from "@/lib/team/pending-invite";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/dashboard");
  const [{ current, memberships }, { t, dir, locale }, invite] = await Promise.all([getCurrentStore(user.id), getMessages(), pendingInviteFromCookie()]);
  return (
    // Session and query clients live here, not in the root layout: the buyer's checkout stays light.
    <Providers>
    <DashboardProviders dir={dir === "rtl" ? "rtl" : "ltr"} closeLabel={t.common.close}>
      <DashboardShell t={t.nav} locale={locale} userName={user.fullName} storeName={current?.store.name ?? null} isSuperadmin={user.platformRole === "SUPERADMIN"} showSimulator={simulatorEnabled()} stores={memberships.map((m) => ({ id: m.storeId, name: m.store.name }))} currentStoreId={current?.store.id ?? null}>
        {invite && invite.storeId !== current?.store.id && <InviteBanner storeName={invite.storeName} t={t.invite} />}
        {children}
      </DashboardShell>
    </DashboardProviders>
    </Providers>
  );
}
