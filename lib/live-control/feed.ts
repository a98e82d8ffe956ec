import type { MessageStatus, OrderStatus } from "@/generated/prisma/client";
import { commentFields, type CommentFields } from "@/lib/lives/comment-dto";
import { hotPathDb, prisma } from "@/lib/db";
import { outcomeOfPrivateReply, type CommentOutcome } from "@/lib/pipeline/comment-outcome";

export type FeedComment = CommentFields & {
  /** What the bot did (reserved, sold out, asked privately, cancelled), from the comment's private reply. */
  outcome: CommentOutcome | null;
  buyer_id: string | null;
  buyer_paused: boolean;
  buyer_opted_out: boolean;
  order_status: OrderStatus | null;
  public_reply: MessageStatus | null;
  private_reply: MessageStatus | null;
  processed_at: string | null;
  /** Review queue: the products the comment could mean, in the order they were offered to the buyer. */
  candidates: { sku: string; name: string; available: number }[];
};

/**
 * The Live Control Center feed: newest first, or exactly the comments an SSE batch named (`ids`), each
 * with its buyer's takeover state, its order's status and what was replied — three indexed lookups,
 * whatever the page size.
 */
export async function listFeedComments({ liveId, limit = 300, before, ids }: { liveId: string; limit?: number; before?: string; ids?: string[] }): Promise<FeedComment[]> {
  const rows = await prisma.comment.findMany({
    where: { liveId, ...(ids && { id: { in: ids } }), ...(before && { receivedAt: { lt: new Date(before) } }) },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: ids ? ids.length : limit,
    include: { buyer: { select: { botPausedAt: true, optedOutAt: true } } },
  });
  if (rows.length === 0) return [];
  const orderIds = [...new Set(rows.map((r) => r.orderId).filter((v): v is string => !!v))];
  const review = rows.filter((r) => r.status === "NEEDS_REVIEW").map((r) => r.id);
  const [orders, messages, offered] = await Promise.all([
    orderIds.length ? prisma.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, status: true } }) : [],
    prisma.outboundMessage.findMany({
      where: { commentId: { in: rows.map((r) => r.id) }, kind: { in: ["PUBLIC_REPLY", "PRIVATE_REPLY"] } },
      select: { commentId: true, kind: true, status: true, purpose: true },
    }),
    review.length
      ? hotPathDb.$queryRaw<{ id: string; sku: string; name: string; available: number }[]>`
          SELECT c.id, p.sku, p.name, GREATEST(0, p.stock - p.reserved)::int AS available
          FROM comments c JOIN products p ON p."storeId" = c."storeId" AND p.sku = ANY(c.candidates) AND p.active AND p."deletedAt" IS NULL
          WHERE c.id = ANY(${review}::text[]) ORDER BY c.id, array_position(c.candidates, p.sku)`
      : [],
  ]);
  const candidates = new Map<string, FeedComment["candidates"]>();
  for (const o of offered) candidates.set(o.id, [...(candidates.get(o.id) ?? []), { sku: o.sku, name: o.name, available: o.available }]);
  const orderStatus = new Map(orders.map((o) => [o.id, o.status]));
  const replies = new Map<string, { PUBLIC_REPLY?: MessageStatus; PRIVATE_REPLY?: MessageStatus; outcome?: CommentOutcome | null }>();
  for (const m of messages) {
    const entry = replies.get(m.commentId!) ?? {};
    entry[m.kind as "PUBLIC_REPLY" | "PRIVATE_REPLY"] = m.status;
    if (m.kind === "PRIVATE_REPLY") entry.outcome = outcomeOfPrivateReply(m.purpose);
    replies.set(m.commentId!, entry);
  }
  return rows.map((c) => ({
    ...commentFields(c),
    outcome: replies.get(c.id)?.outcome ?? null,
    buyer_id: c.buyerId,
    buyer_paused: Boolean(c.buyer?.botPausedAt),
    buyer_opted_out: Boolean(c.buyer?.optedOutAt),
    order_status: c.orderId ? (orderStatus.get(c.orderId) ?? null) : null,
    public_reply: replies.get(c.id)?.PUBLIC_REPLY ?? null,
    private_reply: replies.get(c.id)?.PRIVATE_REPLY ?? null,
    processed_at: c.processedAt?.toISOString() ?? null,
    candidates: candidates.get(c.id) ?? [],
  }));
}
