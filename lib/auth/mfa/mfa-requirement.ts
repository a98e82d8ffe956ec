import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

export type MfaRequirement =
  | { state: "ok" }
  /** An owner past the sales threshold, still inside the grace period: a banner, not a wall. */
  | { state: "grace"; until: Date }
  /** Sent to set up two-step verification before using the console or the dashboard. */
  | { state: "required"; reason: "superadmin" | "owner_volume" };

const DAY_MS = 24 * 3600 * 1000;

/** Whether `storeIds` together had `threshold` paid orders in the last 30 days (reads at most `threshold` rows). */
async function passedThreshold(storeIds: string[], threshold: number, now: Date) {
  if (storeIds.length === 0) return false;
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM orders WHERE "storeId" = ANY(${storeIds}) AND "paidAt" > ${new Date(now.getTime() - 30 * DAY_MS)} LIMIT ${threshold}
    ) recent`;
  return Number(row?.n ?? 0) >= threshold;
}

/**
 * MFA is required for every SUPERADMIN, and for a store OWNER once her stores' paid orders over 30 days
 * reach MFA_OWNER_PAID_ORDERS_30D: from the first time that is seen (kept in users.mfaRequiredSince) she
 * has MFA_OWNER_GRACE_DAYS with a banner, then the dashboard sends her to set it up. Once required, it
 * stays required (sales dipping does not turn the protection off).
 */
export async function mfaRequirement({ user, now = new Date() }: { user: { id: string; platformRole: "USER" | "SUPERADMIN"; mfaEnabled: boolean }; now?: Date }): Promise<MfaRequirement> {
  if (user.mfaEnabled) return { state: "ok" };
  if (user.platformRole === "SUPERADMIN") return { state: "required", reason: "superadmin" };
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { mfaRequiredSince: true, memberships: { where: { role: "OWNER" }, select: { storeId: true } } } });
  let since = row.mfaRequiredSince;
  if (!since) {
    const e = env();
    if (!(await passedThreshold(row.memberships.map((m) => m.storeId), e.MFA_OWNER_PAID_ORDERS_30D, now))) return { state: "ok" };
    since = now;
    await prisma.user.updateMany({ where: { id: user.id, mfaRequiredSince: null }, data: { mfaRequiredSince: now } });
  }
  const until = new Date(since.getTime() + env().MFA_OWNER_GRACE_DAYS * DAY_MS);
  return now < until ? { state: "grace", until } : { state: "required", reason: "owner_volume" };
}
