import { redirect } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/shell";
import { getSessionUser } from "@/lib/auth/current-user";
import { getCurrentStore } from "@/lib/stores/current-store";
import { getMessages } from "@/lib/i18n/server";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/dashboard");
  const { current } = await getCurrentStore(user.id);
  const { t } = await getMessages();
  return (
    <DashboardShell t={t.nav} userName={user.fullName} storeName={current?.store.name ?? null} isSuperadmin={user.platformRole === "SUPERADMIN"}>
      {children}
    </DashboardShell>
  );
}
