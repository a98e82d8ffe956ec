import { prisma } from "@/lib/db";

/** What the bot sent for a live's comments and orders: every outbound message with its body and result (newest first). */
export async function listSentForLive({ liveId, storeId }: { liveId: string; storeId: string }) {
  const comments = await prisma.comment.findMany({ where: { liveId }, select: { id: true } });
  const messages = await prisma.outboundMessage.findMany({
    where: { storeId, OR: [{ commentId: { in: comments.map((c) => c.id) } }, { order: { liveId } }] },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  return messages.map((m) => ({ id: m.id, kind: m.kind, purpose: m.purpose, status: m.status, comment_id: m.commentId, order_id: m.orderId, body: m.body, error: m.error, created_at: m.createdAt.toISOString(), sent_at: m.sentAt?.toISOString() ?? null }));
}
