import { prisma } from "@/lib/db";
import { eraseBuyerData } from "@/lib/privacy/erase-buyer-data";

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
  // Every holder of personal data is cleared (lib/privacy); orders keep their anonymised amounts.
  if (erase) return void (await eraseBuyerData({ buyerId, actor: { type: "BUYER", id: buyerId } }));
  await prisma.$transaction(async (tx) => {
    const buyer = await tx.buyer.update({ where: { id: buyerId }, data: { optedOutAt: new Date() } });
    await tx.auditLog.create({ data: { storeId: buyer.storeId, actorType: "BUYER", actorId: buyer.id, action: "buyer.opted_out", entityType: "buyer", entityId: buyer.id } });
  });
}
