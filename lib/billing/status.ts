import type { SubscriptionStatus } from "@/generated/prisma/client";

export type BillingStatus = "trialing" | "active" | "past_due" | "read_only";

/** Days a store stays past due (dashboard and bot working) before it goes read-only. */
export const GRACE_DAYS = 7;

/**
 * The subscription's state as the seller sees it. A trial that ended without a payment is past due;
 * past due (since the first failed charge) longer than the grace period, suspended or cancelled is read-only (the dashboard works,
 * no new live starts — a running live is never cut).
 */
export function billingStatus(sub: { status: SubscriptionStatus; trialEndsAt: Date | null; currentPeriodEnd: Date; pastDueSince?: Date | null; dunningStage?: string | null }, store: { suspendedAt: Date | null }, now = new Date()): BillingStatus {
  if (store.suspendedAt || sub.status === "SUSPENDED" || sub.status === "CANCELLED") return "read_only";
  const graceMs = GRACE_DAYS * 24 * 3600 * 1000;
  if (sub.status === "TRIALING") {
    const ends = sub.trialEndsAt ?? sub.currentPeriodEnd;
    if (ends > now) return "trialing";
    return now.getTime() - ends.getTime() > graceMs ? "read_only" : "past_due";
  }
  if (sub.dunningStage === "read_only" || sub.dunningStage === "suspended") return "read_only";
  if (sub.status === "PAST_DUE") return now.getTime() - (sub.pastDueSince ?? sub.currentPeriodEnd).getTime() > graceMs ? "read_only" : "past_due";
  return "active";
}
