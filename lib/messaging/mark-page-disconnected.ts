import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { logger } from "@/lib/observability/logger";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import { forgetPageCredentials } from "./graph";

/**
 * Meta answered error 190 for this store's Page: mark the connection disconnected (once), stop calling
 * the Graph API for it and alert the seller — live in the dashboard and by email to every owner, with the
 * reconnect link. Messages wait as PENDING until the Page is reconnected.
 */
export async function markPageDisconnected({ storeId, reason }: { storeId: string; reason: string }): Promise<boolean> {
  const changed = await prisma.$transaction(async (tx) => {
    const n = await tx.metaConnection.updateMany({ where: { storeId, disconnectedAt: null }, data: { disconnectedAt: new Date(), disconnectReason: reason } });
    if (n.count === 0) return false;
    await recordAudit(tx, { storeId, actorType: "SYSTEM", action: "meta.disconnected", entityType: "store", entityId: storeId, data: { reason } });
    return true;
  });
  forgetPageCredentials(storeId);
  if (changed) {
    logger.warn({ store_id: storeId }, "Facebook Page disconnected by Meta (error 190)");
    publishStoreEvent(storeId, { type: "store.alert", level: "error", code: "meta_disconnected", message: "Facebook disconnected this Page from LiveStreamSell (the access was revoked or expired). Reconnect it in Settings: replies wait until then." });
    await emailPageOwners({ storeId, template: "page_disconnected" }).catch((err) => logger.error({ err, store_id: storeId }, "emailing the owners about the disconnected Page failed"));
  }
  return changed;
}

/** Emails every active owner of the store about its Page, with the reconnect link; `vars(locale)` adds the template's own values. */
export async function emailPageOwners({ storeId, template, vars }: { storeId: string; template: "page_disconnected" | "page_token_expiring" | "page_permissions_missing"; vars?: (locale: string) => Record<string, string> }) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { name: true, memberships: { where: { role: "OWNER" }, select: { user: { select: { id: true, email: true, locale: true, disabledAt: true } } } } } });
  for (const { user } of store?.memberships ?? []) {
    if (user.disabledAt) continue;
    await queueEmail({ to: user.email, userId: user.id, template, locale: user.locale, vars: { store: store!.name, ...vars?.(user.locale ?? "es") }, link: `${env().APP_URL}/dashboard/onboarding?step=page` });
  }
}
