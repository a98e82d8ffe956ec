import { prisma, type Tx } from "@/lib/db";
import { Prisma as PrismaNS } from "@/generated/prisma/client";
import { exportBuyerDeliveryData, eraseBuyerDeliveryData } from "@/lib/fulfilment/buyer-delivery-data";

/**
 * Every place that holds a buyer's personal data, in one list: the buyer export reads each holder and
 * the erasure clears each one, in one transaction. A domain that starts keeping something about
 * buyers adds ONE entry here (e.g. lib/fulfilment's contact details and delivery addresses:
 * `{ name: "delivery", export: (id) => exportBuyerDeliveryData(id), erase: (id, tx) => eraseBuyerDeliveryData(id, tx) }`).
 */
export type PersonalDataHolder = {
  name: string;
  export(buyerId: string): Promise<unknown>;
  erase(buyerId: string, tx: Tx): Promise<void>;
};

const ERASED = "[erased]";

async function orderIdsOf(buyerId: string, db: Pick<Tx, "order"> = prisma) {
  return (await db.order.findMany({ where: { buyerId }, select: { id: true } })).map((o) => o.id);
}

async function commentIdsOf(buyerId: string, db: Pick<Tx, "comment"> = prisma) {
  return (await db.comment.findMany({ where: { buyerId }, select: { id: true } })).map((c) => c.id);
}

export const personalDataHolders: PersonalDataHolder[] = [
  {
    name: "buyer",
    export: (buyerId) => prisma.buyer.findUnique({ where: { id: buyerId } }),
    // The seller's notes and tags about the person go too. The page-scoped author id stays, as the suppression entry that keeps an erased person opted out if
    // they comment again (it is what Meta sends with every comment; nothing else identifies them here).
    erase: async (buyerId, tx) => {
      await tx.buyer.update({ where: { id: buyerId }, data: { name: "", psid: null, locale: null, notes: "", tags: [], erasedAt: new Date(), optedOutAt: new Date() } });
    },
  },
  {
    name: "comments",
    export: (buyerId) => prisma.comment.findMany({ where: { buyerId }, orderBy: { receivedAt: "asc" } }),
    erase: async (buyerId, tx) => {
      await tx.comment.updateMany({ where: { buyerId }, data: { text: ERASED, authorName: "", authorId: `erased:${buyerId}`, reason: null, error: null } });
    },
  },
  {
    name: "ai_decisions",
    export: async (buyerId) => prisma.aiDecision.findMany({ where: { commentId: { in: await commentIdsOf(buyerId) } }, orderBy: { createdAt: "asc" } }),
    erase: async (buyerId, tx) => {
      await tx.aiDecision.updateMany({ where: { commentId: { in: await commentIdsOf(buyerId, tx) } }, data: { text: ERASED, reason: ERASED } });
    },
  },
  {
    name: "inbound_messages",
    export: (buyerId) => prisma.inboundMessage.findMany({ where: { buyerId }, orderBy: { receivedAt: "asc" } }),
    erase: async (buyerId, tx) => {
      await tx.inboundMessage.updateMany({ where: { buyerId }, data: { text: ERASED, senderId: `erased:${buyerId}`, quickReplyPayload: null } });
    },
  },
  {
    name: "outbound_messages",
    export: (buyerId) => prisma.outboundMessage.findMany({ where: { buyerId }, orderBy: { createdAt: "asc" } }),
    erase: async (buyerId, tx) => {
      await tx.outboundMessage.updateMany({ where: { buyerId }, data: { body: { erased: true }, recipient: `erased:${buyerId}`, error: null } });
    },
  },
  {
    name: "orders",
    export: (buyerId) => prisma.order.findMany({ where: { buyerId }, include: { items: true }, orderBy: { createdAt: "asc" } }),
    // Amounts, items and dates stay for the seller's books; nothing in an order names the buyer but this.
    erase: async (buyerId, tx) => {
      await tx.order.updateMany({ where: { buyerId }, data: { buyerLocale: null } });
    },
  },
  {
    name: "payments",
    export: async (buyerId) => prisma.payment.findMany({ where: { orderId: { in: await orderIdsOf(buyerId) } }, orderBy: { createdAt: "asc" } }),
    // The provider's payload can carry the payer's name, email, document number and address.
    erase: async (buyerId, tx) => {
      const orderIds = await orderIdsOf(buyerId, tx);
      await tx.payment.updateMany({ where: { orderId: { in: orderIds } }, data: { raw: PrismaNS.DbNull, receiptPath: null, rejectionReason: null } });
      await tx.webhookEvent.updateMany({ where: { orderId: { in: orderIds } }, data: { payload: { erased: true } } });
    },
  },
  {
    name: "waitlist",
    export: (buyerId) => prisma.waitlistEntry.findMany({ where: { buyerId }, orderBy: { createdAt: "asc" } }),
    erase: async () => {}, // product, quantity and dates only
  },
  {
    // Contact details and delivery addresses given at checkout (lib/fulfilment).
    name: "delivery",
    export: (buyerId) => exportBuyerDeliveryData(buyerId),
    erase: async (buyerId, tx) => {
      await eraseBuyerDeliveryData(buyerId, tx);
    },
  },
];
