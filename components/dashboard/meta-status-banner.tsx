"use client";
import { usePathname } from "next/navigation";
import { KeyRound, TimerReset, Unplug } from "lucide-react";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import type { MetaBannerState } from "@/lib/onboarding/meta-banner-state";

/**
 * The dashboard-wide Facebook banner: the Page is disconnected, lacks permissions or its access ends
 * soon, with the one-click reconnect for owners. The Live Control Center shows its own live disconnected
 * banner, so this one leaves that case to it there.
 */
export function MetaStatusBanner({ state, date, isOwner, t }: { state: MetaBannerState; date: string | null; isOwner: boolean; t: Messages["metaStatus"] }) {
  const pathname = usePathname();
  if (state.kind === "disconnected" && /^\/dashboard\/live\/[^/]+$/.test(pathname)) return null;
  const severe = state.kind !== "expiring";
  const Icon = state.kind === "disconnected" ? Unplug : state.kind === "missing_permissions" ? KeyRound : TimerReset;
  const title =
    state.kind === "disconnected" ? format(t.disconnected, { page: state.page })
    : state.kind === "missing_permissions" ? format(t.missing, { page: state.page, permissions: state.permissions.join(", ") })
    : format(t.expiring, { page: state.page, date: date ?? "" });
  const hint = state.kind === "disconnected" ? t.disconnectedHint : state.kind === "missing_permissions" ? t.missingHint : t.expiringHint;
  return (
    <section
      role={severe ? "alert" : "status"}
      aria-label={t.label}
      data-testid="meta-status-banner"
      data-kind={state.kind}
      className={severe
        ? "mb-4 flex flex-wrap items-start gap-3 rounded-lg border border-destructive/50 bg-destructive/10 p-3 text-sm text-red-100"
        : "mb-4 flex flex-wrap items-start gap-3 rounded-lg border border-warning/50 bg-warning/10 p-3 text-sm text-amber-100"}
    >
      <Icon className={severe ? "mt-0.5 size-5 shrink-0 text-red-300" : "mt-0.5 size-5 shrink-0 text-warning"} aria-hidden />
      <div className="min-w-0 flex-1 basis-60">
        <p className="font-medium">{title}</p>
        <p className={severe ? "text-red-200/90" : "text-amber-200/90"}>{isOwner ? hint : `${hint} ${t.askOwner}`}</p>
      </div>
      {isOwner && (
        <a href="/dashboard/onboarding?step=page" className={severe
          ? "ms-8 rounded-md border border-red-300/50 px-3 py-1.5 font-medium text-red-50 hover:bg-red-400/10"
          : "ms-8 rounded-md border border-amber-300/50 px-3 py-1.5 font-medium text-amber-50 hover:bg-amber-400/10"}>{t.reconnect}</a>
      )}
    </section>
  );
}
