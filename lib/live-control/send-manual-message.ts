import { randomUUID } from "node:crypto";
import type { Buyer } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { conflict } from "@/lib/http/errors";
import type { MetaMessage } from "@/lib/meta/messages";
import { MESSAGING_WINDOW_MS, sendOutbound, type OutboundResult } from "@/lib/messaging/send-message";

export type ManualSendResult = OutboundResult & { via: "dm" | "private_reply" };

/**
 * The seller writes to one buyer. Inside Meta's 24 h window it is a normal DM; otherwise it becomes the
 * private reply to the buyer's latest comment that has none yet — keyed `comment:<id>:private`, the same
 * key the bot uses, so a comment still gets at most one private reply whoever sends it. With neither,
 * Meta would refuse the message, so nothing is recorded and the seller is told why.
 */
export async function sendManualMessage({ buyer, message, liveId, clientId, actorId, purpose = "manual", orderId = null }: {
  buyer: Buyer;
  message: MetaMessage;
  liveId?: string | null;
  clientId?: string;
  actorId: string;
  purpose?: string;
  orderId?: string | null;
}): Promise<ManualSendResult> {
  if (buyer.optedOutAt || buyer.erasedAt) throw conflict("buyer_opted_out", "This buyer asked not to be messaged again");
  const base = { storeId: buyer.storeId, buyerId: buyer.id, liveId: liveId ?? null, orderId, purpose, manual: true };
  const inWindow = buyer.psid && buyer.lastInboundAt && Date.now() - buyer.lastInboundAt.getTime() < MESSAGING_WINDOW_MS;

  let result: ManualSendResult;
  if (inWindow) {
    result = { ...(await sendOutbound({ ...base, kind: "DM", idempotencyKey: `manual:${buyer.id}:${clientId ?? randomUUID()}`, message })), via: "dm" };
  } else {
    const comment = await unansweredComment(buyer.id, liveId ?? null);
    if (!comment) {
      throw conflict(
        "messaging_window_closed",
        "Meta only allows a message to this buyer as the reply to a comment of theirs, and every one already has its reply. Ask them to comment or write to the Page.",
      );
    }
    result = {
      ...(await sendOutbound({ ...base, kind: "PRIVATE_REPLY", idempotencyKey: `comment:${comment.id}:private`, commentId: comment.id, metaCommentId: comment.metaCommentId, message })),
      via: "private_reply",
    };
  }
  await prisma.auditLog.create({
    data: { storeId: buyer.storeId, actorType: "USER", actorId, action: "buyer.manual_message", entityType: "buyer", entityId: buyer.id, data: { messageId: result.messageId, status: result.status, via: result.via } },
  });
  return result;
}

async function unansweredComment(buyerId: string, liveId: string | null) {
  const comments = await prisma.comment.findMany({
    where: { buyerId, ...(liveId && { liveId }) },
    orderBy: { receivedAt: "desc" },
    take: 20,
    select: { id: true, metaCommentId: true },
  });
  if (comments.length === 0) return null;
  const answered = await prisma.outboundMessage.findMany({ where: { idempotencyKey: { in: comments.map((c) => `comment:${c.id}:private`) } }, select: { commentId: true, status: true } });
  // A FAILED or SKIPPED attempt holds the key too: Meta never delivered it, but the key is spent.
  const taken = new Set(answered.map((a) => a.commentId));
  return comments.find((c) => !taken.has(c.id)) ?? null;
}
