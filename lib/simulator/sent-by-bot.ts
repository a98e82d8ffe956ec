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

/** Whether a Meta comment id belongs to one of the user's stores (the wire view of the simulator answers 404 otherwise). */
export async function commentBelongsToMember({ userId, metaCommentId }: { userId: string; metaCommentId: string }): Promise<boolean> {
  const comment = await prisma.comment.findUnique({ where: { metaCommentId }, select: { storeId: true } });
  if (!comment) return false;
  return (await prisma.membership.count({ where: { userId, storeId: comment.storeId } })) > 0;
}
