import { prisma } from "@/lib/db";
import { eraseBuyerDeliveryData } from "@/lib/fulfilment/buyer-delivery-data";

/** The buyer behind a comment author on this store's page (created on first comment). */
export async function upsertBuyerForAuthor({ storeId, pageId, authorId, name }: { storeId: string; pageId: string; authorId: string; name: string }) {
  return prisma.buyer.upsert({
    where: { storeId_authorId: { storeId, authorId } },
    update: {},
    create: { storeId, pageId, authorId, name },
  });
}

/** Opt-out ("STOP"): no message of any kind reaches this buyer again. "Delete my data" also erases them. */
export async function optOutBuyer({ buyerId, erase }: { buyerId: string; erase: boolean }) {
  await prisma.$transaction(async (tx) => {
    const buyer = await tx.buyer.update({ where: { id: buyerId }, data: { optedOutAt: new Date() } });
    if (erase) {
      // Personal data goes; orders keep their anonymised amounts for the seller's books. The page-scoped
      // author id stays as the suppression entry that keeps this person opted out if they comment again.
      await tx.buyer.update({ where: { id: buyerId }, data: { name: "", psid: null, locale: null, erasedAt: new Date() } });
      await tx.comment.updateMany({ where: { buyerId }, data: { text: "[erased at the buyer's request]", authorName: "", authorId: `erased:${buyer.id}` } });
      await tx.inboundMessage.updateMany({ where: { buyerId }, data: { text: "[erased]", senderId: `erased:${buyer.id}` } });
      await eraseBuyerDeliveryData(buyerId, tx);
    }
    await tx.auditLog.create({ data: { storeId: buyer.storeId, actorType: "BUYER", actorId: buyer.id, action: erase ? "buyer.erased" : "buyer.opted_out", entityType: "buyer", entityId: buyer.id } });
  });
}
