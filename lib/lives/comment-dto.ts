import type { Comment } from "@/generated/prisma/client";

/**
 * The fields every view of a comment shares — the comments API (`GET /api/v1/lives/{id}/comments`) and
 * the Live Control Center feed (lib/live-control/feed.ts), which adds the buyer's takeover state, the
 * order's status and the replies. One mapping, so both name and format them alike.
 */
export function commentFields(c: Pick<Comment, "id" | "metaCommentId" | "authorName" | "text" | "intent" | "sku" | "quantity" | "confidence" | "language" | "status" | "reason" | "orderId" | "receivedAt" | "dmSentAt">) {
  return {
    id: c.id,
    comment_id: c.metaCommentId,
    author_name: c.authorName,
    text: c.text,
    intent: c.intent,
    sku: c.sku,
    quantity: c.quantity,
    confidence: c.confidence,
    language: c.language,
    status: c.status,
    reason: c.reason,
    order_id: c.orderId,
    received_at: c.receivedAt.toISOString(),
    dm_sent_at: c.dmSentAt?.toISOString() ?? null,
  };
}

export type CommentFields = ReturnType<typeof commentFields>;
