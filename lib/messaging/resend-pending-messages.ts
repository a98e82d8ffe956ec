import { prisma } from "@/lib/db";
import type { MetaMessage } from "@/lib/meta/messages";
import { logger } from "@/lib/observability/logger";
import { PAGE_DISCONNECTED, sendOutboundBatch, type OutboundRequest } from "./send-message";
import { forgetPageCredentials } from "./graph";

/** Meta accepts a private reply to a comment for 7 days; older waiting replies are not sent any more. */
const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * 3600 * 1000;

/**
 * After the seller reconnects a Page Meta had disconnected: the replies that waited for it go out, oldest
 * first, each under its own idempotency key (so a message never goes twice, even if this runs again).
 * Every guard is read again at sending (opt-out, takeover, 24 h window for plain DMs).
 */
export async function resendPendingMessages({ storeId, now = new Date() }: { storeId: string; now?: Date }): Promise<{ sent: number; skipped: number; waiting: number }> {
  forgetPageCredentials(storeId); // this process may still hold the revoked token for a minute
  const rows = await prisma.outboundMessage.findMany({
    where: { storeId, status: "PENDING", error: PAGE_DISCONNECTED, createdAt: { gt: new Date(now.getTime() - PRIVATE_REPLY_WINDOW_MS) } },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  let sent = 0;
  let skipped = 0;
  let waiting = 0;
  for (const row of rows) {
    const body = row.body as { message?: unknown };
    const base = { storeId, idempotencyKey: row.idempotencyKey, purpose: row.purpose, buyerId: row.buyerId, commentId: row.commentId, orderId: row.orderId };
    const metaCommentId = row.recipient.startsWith("comment:") ? row.recipient.slice("comment:".length) : null;
    let req: OutboundRequest;
    if (row.kind === "PUBLIC_REPLY" && metaCommentId) req = { ...base, kind: "PUBLIC_REPLY", metaCommentId, text: String(body.message ?? "") };
    else if (row.kind === "PRIVATE_REPLY" && metaCommentId) req = { ...base, kind: "PRIVATE_REPLY", metaCommentId, message: body.message as MetaMessage };
    else req = { ...base, kind: "DM", message: body.message as MetaMessage };
    try {
      const [result] = await sendOutboundBatch([req]);
      if (result?.status === "SENT") sent++;
      else if (result?.status === "PENDING") waiting++; // disconnected again before it went out
      else skipped++;
    } catch (error) {
      // Rate limited or Meta down again: the rest wait for the next attempt (the job retries).
      logger.warn({ store_id: storeId, err: error }, "resending pending messages stopped");
      throw error;
    }
  }
  return { sent, skipped, waiting };
}
