import { prisma } from "@/lib/db";
import { accessEndsAt, isExpiringSoon } from "./token-expiry";

export type MetaBannerState = { kind: "disconnected" | "missing_permissions" | "expiring"; page: string; permissions: string[]; endsAt: string | null };

/**
 * What the dashboard-wide Facebook banner says for a store, or null when all is well (or no Page was
 * ever connected: onboarding covers that). Worst first: disconnected, then missing permissions, then an
 * access ending within a week (from the last debug_token check).
 */
export async function metaBannerState(storeId: string, now = new Date()): Promise<MetaBannerState | null> {
  const conn = await prisma.metaConnection.findUnique({ where: { storeId }, select: { pageId: true, pageName: true, disconnectedAt: true, missingPermissions: true, tokenExpiresAt: true, dataAccessExpiresAt: true } });
  if (!conn) return null;
  const page = conn.pageName ?? conn.pageId;
  const endsAt = accessEndsAt(conn);
  const base = { page, permissions: conn.missingPermissions, endsAt: endsAt?.toISOString() ?? null };
  if (conn.disconnectedAt) return { kind: "disconnected", ...base };
  if (conn.missingPermissions.length > 0) return { kind: "missing_permissions", ...base };
  if (isExpiringSoon(endsAt, now)) return { kind: "expiring", ...base };
  return null;
}
