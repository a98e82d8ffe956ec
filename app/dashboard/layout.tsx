import { redirect } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/shell";
import { DashboardProviders } from "@/components/dashboard/dashboard-providers";
import { Providers } from "@/app/providers";
import { simulatorEnabled } from "@/lib/simulator/simulator";
import { getSessionUser } from "@/lib/auth/current-user";
import { getCurrentStore } from "@/lib/stores/current-store";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { buyersMessages } from "@/lib/i18n/buyers";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  // Plain /login: after signing in everyone lands where they belong (a superadmin on /admin, a seller here).
  if (!user) redirect("/login");
  const [{ current, memberships }, { t, dir, locale }] = await Promise.all([getCurrentStore(user.id), getMessages()]);
  return (
    // Session and query clients live here, not in the root layout: the buyer's checkout stays light.
    <Providers>
    <DashboardProviders dir={dir} locale={locale} closeLabel={t.common.close}>
      <DashboardShell t={t.nav} locale={locale} userName={user.fullName} storeName={current?.store.name ?? null} isSuperadmin={user.platformRole === "SUPERADMIN"} showSimulator={simulatorEnabled()} stores={memberships.map((m) => ({ id: m.storeId, name: m.store.name }))} currentStoreId={current?.store.id ?? null} consoleNav={consoleMessages(locale).nav} buyersLabel={buyersMessages(locale).nav}>
        {children}
      </DashboardShell>
    </DashboardProviders>
    </Providers>
  );
}
