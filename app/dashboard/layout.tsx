import Link from "next/link";
import { redirect } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/shell";
import { DashboardProviders } from "@/components/dashboard/dashboard-providers";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { Providers } from "@/app/providers";
import { simulatorEnabled } from "@/lib/simulator/simulator";
import { getSessionUser } from "@/lib/auth/current-user";
import { mfaRequirement } from "@/lib/auth/mfa/mfa-requirement";
import { getCurrentStore } from "@/lib/stores/current-store";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { buyersMessages } from "@/lib/i18n/buyers";
import { accountMessages } from "@/lib/i18n/account";
import { format } from "@/lib/i18n";
import { getPlatformSettings } from "@/lib/admin/platform-settings";
import { MetaStatusBanner } from "@/components/dashboard/meta-status-banner";
import { metaBannerState } from "@/lib/onboarding/meta-banner-state";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  // Plain /login: after signing in everyone lands where they belong (a superadmin on /admin, a seller here).
  if (!user) redirect("/login");
  const [{ current, memberships }, { t, dir, locale }, mfa, settings] = await Promise.all([getCurrentStore(user.id), getMessages(), mfaRequirement({ user }), getPlatformSettings()]);
  // Superadmins, and owners of high-volume stores after their grace period, set up MFA first.
  if (mfa.state === "required") redirect("/mfa-setup");
  const a = accountMessages(locale).lifecycle;
  // The Page's health on every dashboard page: disconnected, permissions missing or access ending soon.
  const meta = current ? await metaBannerState(current.store.id) : null;
  const metaDate = meta?.endsAt ? new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: current!.store.timezone }).format(new Date(meta.endsAt)) : null;
  return (
    // Session and query clients live here, not in the root layout: the buyer's checkout stays light.
    <Providers>
    <DashboardProviders dir={dir} locale={locale} closeLabel={t.common.close}>
      <DashboardShell t={t.nav} locale={locale} userName={user.fullName} storeName={current?.store.name ?? null} isSuperadmin={user.platformRole === "SUPERADMIN"} showSimulator={simulatorEnabled()} stores={memberships.map((m) => ({ id: m.storeId, name: m.store.name }))} currentStoreId={current?.store.id ?? null} consoleNav={consoleMessages(locale).nav} buyersLabel={buyersMessages(locale).nav}>
        {!user.emailVerified && <VerifyEmailBanner email={user.email} t={a} />}
        {mfa.state === "grace" && (
          <div role="status" data-testid="mfa-grace-banner" className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm text-amber-200">
            <p className="min-w-0 flex-1">{format(a.mfaGrace, { date: mfa.until.toLocaleDateString(locale, { dateStyle: "long" }) })}</p>
            <Link href="/dashboard/settings/security" className="font-medium underline underline-offset-4">{a.mfaGraceAction}</Link>
          </div>
        )}
        {meta && <MetaStatusBanner state={meta} date={metaDate} isOwner={current!.role === "OWNER"} t={t.metaStatus} />}
        {settings.maintenance_banner && (
          <div role="status" aria-label={consoleMessages(locale).settings.bannerLabel} data-testid="maintenance-banner" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
            <bdi>{settings.maintenance_banner}</bdi>
          </div>
        )}
        {children}
      </DashboardShell>
    </DashboardProviders>
    </Providers>
  );
}
