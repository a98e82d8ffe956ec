import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { logger } from "@/lib/observability/logger";
import { forgetPageCredentials } from "./graph";

/**
 * Meta answered error 190 for this store's Page: mark the connection disconnected (once), stop calling
 * the Graph API for it and alert the seller. Messages wait as PENDING until the Page is reconnected.
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
  }
  return changed;
}
