import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { jobs } from "@/lib/jobs";
import { logger } from "@/lib/observability/logger";
import { decryptSecret } from "@/lib/security/encryption";
import { debugToken } from "@/lib/meta/debug-token";
import { MetaAuthError } from "@/lib/meta/errors";
import { emailPageOwners, markPageDisconnected } from "@/lib/messaging/mark-page-disconnected";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { missingPermissions } from "./meta-oauth";
import { accessEndsAt, isExpiringSoon } from "./token-expiry";

const DAY_MS = 24 * 3600 * 1000;

type TokenCheck = "connected" | "missing_permissions" | "expiring" | "disconnected" | "unchecked";

/**
 * Asks Meta (debug_token) about the store's Page token and records the answer: an invalid or expired token
 * marks the Page disconnected (the owners are emailed once, the Send API stops for it); permissions the
 * bot needs and the token lacks make it `missing_permissions`; an end of access within
 * a week is remembered for the dashboard. With `notify`, the owners are emailed once when
 * permissions go missing and once when the access is about to end (both re-armed by a reconnect or
 * recovery). Needs the Meta app's credentials (META_APP_ID): without them nothing is checked.
 */
export async function checkPageToken({ storeId, now = new Date(), notify = true, fetch: doFetch }: { storeId: string; now?: Date; notify?: boolean; fetch?: typeof fetch }): Promise<TokenCheck> {
  const e = env();
  if (!e.META_APP_ID) return "unchecked";
  const conn = await prisma.metaConnection.findUnique({ where: { storeId } });
  if (!conn) return "unchecked";
  if (conn.disconnectedAt) return "disconnected";
  let health;
  try {
    health = await debugToken({ graphApiUrl: e.META_GRAPH_API_URL, appId: e.META_APP_ID, appSecret: e.META_APP_SECRET, inputToken: decryptSecret(conn.tokenCiphertext), ...(doFetch && { fetch: doFetch }) });
  } catch (err) {
    // Meta refused the app's own token: a configuration problem of the platform, not of this Page.
    if (err instanceof MetaAuthError) {
      logger.error({ store_id: storeId, code: err.code }, "debug_token refused the app token: check META_APP_ID / META_APP_SECRET");
      return "unchecked";
    }
    throw err;
  }
  if (!health.valid || (health.expiresAt && health.expiresAt <= now)) {
    await markPageDisconnected({ storeId, reason: `debug_token: ${health.reason ?? "the token expired"}`.slice(0, 300) });
    return "disconnected";
  }
  const missing = missingPermissions(health.scopes);
  const endsAt = accessEndsAt({ tokenExpiresAt: health.expiresAt, dataAccessExpiresAt: health.dataAccessExpiresAt });
  const expiring = isExpiringSoon(endsAt, now);
  await prisma.metaConnection.update({
    where: { storeId },
    data: {
      tokenExpiresAt: health.expiresAt,
      dataAccessExpiresAt: health.dataAccessExpiresAt,
      tokenCheckedAt: now,
      missingPermissions: missing,
      ...(missing.length === 0 && { permissionsWarnedAt: null }),
      ...(!expiring && { expiryWarnedAt: null }),
    },
  });
  if (conn.missingPermissions.join() !== missing.join()) forgetPageCredentials(storeId);
  if (notify && missing.length > 0) {
    const first = await prisma.metaConnection.updateMany({ where: { storeId, permissionsWarnedAt: null }, data: { permissionsWarnedAt: now } });
    if (first.count === 1) await emailPageOwners({ storeId, template: "page_permissions_missing", vars: () => ({ permissions: missing.join(", ") }) });
  }
  if (notify && expiring) {
    const first = await prisma.metaConnection.updateMany({ where: { storeId, expiryWarnedAt: null }, data: { expiryWarnedAt: now } });
    const store = await prisma.store.findUnique({ where: { id: storeId }, select: { timezone: true } });
    if (first.count === 1) await emailPageOwners({ storeId, template: "page_token_expiring", vars: (locale) => ({ date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: store?.timezone ?? "UTC" }).format(endsAt!) }) });
  }
  if (missing.length > 0) return "missing_permissions";
  return expiring ? "expiring" : "connected";
}

/**
 * The daily re-check of every connected Page (the `meta/token-check` job). One Page failing to answer
 * (Meta down, rate limited) is logged and counted; the others are still checked.
 */
export async function checkAllPageTokens({ now = new Date() }: { now?: Date } = {}) {
  const counts: Record<TokenCheck | "failed", number> = { connected: 0, missing_permissions: 0, expiring: 0, disconnected: 0, unchecked: 0, failed: 0 };
  if (!env().META_APP_ID) return counts;
  let cursor: string | undefined;
  for (;;) {
    const batch = await prisma.metaConnection.findMany({ where: { disconnectedAt: null, ...(cursor && { id: { gt: cursor } }) }, select: { id: true, storeId: true }, orderBy: { id: "asc" }, take: 100 });
    if (batch.length === 0) break;
    cursor = batch.at(-1)!.id;
    for (const { storeId } of batch) {
      try {
        counts[await checkPageToken({ storeId, now })]++;
      } catch (err) {
        counts.failed++;
        logger.warn({ store_id: storeId, err: err instanceof Error ? err.message : String(err) }, "the daily Page token check failed for one store");
      }
    }
  }
  logger.info(counts, "daily Page token check");
  return counts;
}

/** The daily check's event: one per UTC day (its id deduplicates), at 04:00 UTC. */
function tokenCheckEvent(day: string) {
  return { name: "meta/token-check" as const, id: `meta-token-check:${day}`, data: { day }, ts: Date.parse(`${day}T04:00:00Z`) };
}

/** Queues today's check once (called when an app instance starts); each run queues the next day's. */
export async function ensureTokenCheckScheduled(now = new Date()) {
  await jobs.send(tokenCheckEvent(now.toISOString().slice(0, 10)));
}

export async function scheduleNextTokenCheck(day: string) {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  await jobs.send(tokenCheckEvent(next));
  return next;
}
