import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { prisma } from "@/lib/db";
import { liveOfMember } from "@/lib/lives/member-live";

/** What the bot sent for a live's comments: every outbound message with its body and result. */
export const GET = sellerRoute(async ({ req, user }) => {
  const { live_id } = parseQuery(req.url, z.object({ live_id: z.string().min(1) }));
  const live = await liveOfMember(user.id, live_id);
  const comments = await prisma.comment.findMany({ where: { liveId: live.id }, select: { id: true } });
  const messages = await prisma.outboundMessage.findMany({
    where: { storeId: live.storeId, OR: [{ commentId: { in: comments.map((c) => c.id) } }, { order: { liveId: live.id } }] },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  return json(messages.map((m) => ({ id: m.id, kind: m.kind, purpose: m.purpose, status: m.status, comment_id: m.commentId, order_id: m.orderId, body: m.body, error: m.error, created_at: m.createdAt.toISOString(), sent_at: m.sentAt?.toISOString() ?? null })));
});
