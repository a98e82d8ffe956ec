import { notFound, redirect } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/shell";
import { getSessionUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/server";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/admin");
  // Not a superadmin: the admin panel does not exist for them.
  if (user.platformRole !== "SUPERADMIN") notFound();
  const { t } = await getMessages();
  return (
    <DashboardShell t={t.nav} userName={user.fullName} storeName={null} isSuperadmin variant="admin">
      {children}
    </DashboardShell>
  );
}
