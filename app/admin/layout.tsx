import { notFound, redirect } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/shell";
import { getSessionUser } from "@/lib/auth/current-user";
import { mfaRequirement } from "@/lib/auth/mfa/mfa-requirement";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { Providers } from "@/app/providers";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/admin");
  // Not a superadmin: the admin panel does not exist for them.
  if (user.platformRole !== "SUPERADMIN") notFound();
  // Every superadmin uses two-step verification: the console holds every store's data.
  if ((await mfaRequirement({ user })).state === "required") redirect("/mfa-setup");
  const { t, locale } = await getMessages();
  return (
    <Providers>
      <DashboardShell t={t.nav} locale={locale} userName={user.fullName} storeName={null} isSuperadmin variant="admin" consoleNav={consoleMessages(locale).nav}>
        {children}
      </DashboardShell>
    </Providers>
  );
}
