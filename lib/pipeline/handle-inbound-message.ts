import { prisma } from "@/lib/db";
import { notifyStore } from "@/lib/realtime/notify";
import { parsePayload } from "@/lib/messaging/texts";
import { understandText } from "./understand-text";
import { optOutBuyer } from "./buyers";
import { findTappedProduct, type ChosenProduct } from "./settle-choice";

export type InboundOutcome =
  | { action: "none"; reason: string }
  | { action: "opt_out"; buyerId: string; erase: boolean }
  | { action: "confirm"; buyerId: string; commentId: string; productId: string; quantity: number }
  | { action: "waitlist"; buyerId: string; commentId: string }
  | { action: "reserve_again"; buyerId: string; orderId: string }
  | { action: "pick"; buyerId: string; choice: ChosenProduct }
  | { action: "review"; buyerId: string };

/**
 * A buyer wrote to the page (text or a quick-reply tap). It opens Meta's 24 h window, then is routed:
 * STOP → opt-out; quick replies → confirm / waitlist / reserve again; anything else → the seller.
 */
export async function routeInboundMessage({ inboundMessageId }: { inboundMessageId: string }): Promise<InboundOutcome> {
  const msg = await prisma.inboundMessage.findUnique({ where: { id: inboundMessageId }, include: { store: { select: { fbPageId: true } } } });
  if (!msg) return { action: "none", reason: "message not found" };
  const buyer =
    (await prisma.buyer.findFirst({ where: { storeId: msg.storeId, psid: msg.senderId } })) ??
    (await prisma.buyer.upsert({
      where: { storeId_authorId: { storeId: msg.storeId, authorId: `psid:${msg.senderId}` } },
      update: {},
      create: { storeId: msg.storeId, pageId: msg.store.fbPageId ?? "", authorId: `psid:${msg.senderId}`, psid: msg.senderId },
    }));
  await prisma.$transaction([
    prisma.inboundMessage.update({ where: { id: msg.id }, data: { buyerId: buyer.id } }),
    prisma.$executeRaw`UPDATE buyers SET "lastInboundAt" = GREATEST(coalesce("lastInboundAt", 'epoch'), ${msg.receivedAt}) WHERE id = ${buyer.id}`,
  ]);
  await notifyStore(msg.storeId, { type: "buyer.updated", buyerId: buyer.id });
  if (buyer.optedOutAt) return { action: "none", reason: "buyer opted out" };
  // A blocked buyer's messages are kept (the seller reads them) but a tap never reserves.
  if (buyer.blockedAt) return { action: "none", reason: "buyer is blocked by the seller" };

  const payload = parsePayload(msg.quickReplyPayload);
  if (payload) {
    if (payload.action === "PICK") {
      // "¿Qué talla?" answered: the token names our comment and a position in its stored list.
      const choice = await findTappedProduct({ storeId: msg.storeId, buyerId: buyer.id, token: payload.token });
      return choice ? { action: "pick", buyerId: buyer.id, choice } : { action: "none", reason: "unknown choice" };
    }
    if (payload.action === "RESERVE") {
      const order = await prisma.order.findFirst({ where: { id: payload.token, storeId: msg.storeId, buyerId: buyer.id } });
      return order ? { action: "reserve_again", buyerId: buyer.id, orderId: order.id } : { action: "none", reason: "unknown order" };
    }
    // Tokens are our comment ids; they must belong to this buyer in this store (nothing in a payload is trusted).
    const comment = await prisma.comment.findFirst({ where: { id: payload.token, storeId: msg.storeId, buyerId: buyer.id } });
    if (!comment) return { action: "none", reason: "unknown comment" };
    if (payload.action === "CONFIRM" && comment.sku) {
      const product = await prisma.product.findUnique({ where: { storeId_sku: { storeId: msg.storeId, sku: comment.sku } }, select: { id: true } });
      if (product) return { action: "confirm", buyerId: buyer.id, commentId: comment.id, productId: product.id, quantity: comment.quantity ?? 1 };
    }
    if (payload.action === "WAITLIST") return { action: "waitlist", buyerId: buyer.id, commentId: comment.id };
    if (payload.action === "OTHER") return { action: "review", buyerId: buyer.id };
    return { action: "none", reason: `buyer answered ${payload.action.toLowerCase()}` };
  }

  const decision = await understandText({ storeId: msg.storeId, text: msg.text });
  if (decision.intent === "OPT_OUT") return { action: "opt_out", buyerId: buyer.id, erase: decision.erase };
  return { action: "review", buyerId: buyer.id };
}

export { optOutBuyer };
