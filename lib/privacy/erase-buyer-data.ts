import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { personalDataHolders } from "./personal-data-holders";

/**
 * Erases a buyer's personal data everywhere, in one transaction, and opts them out. Orders keep their
 * anonymised amounts. Idempotent: erasing again clears whatever arrived since and changes nothing else.
 */
export async function eraseBuyerData({ buyerId, actor }: { buyerId: string; actor: { type: "USER" | "BUYER" | "SYSTEM"; id: string } }) {
  await prisma.$transaction(async (tx) => {
    const buyer = await tx.buyer.findUniqueOrThrow({ where: { id: buyerId }, select: { storeId: true, erasedAt: true } });
    for (const holder of personalDataHolders) await holder.erase(buyerId, tx);
    await recordAudit(tx, { storeId: buyer.storeId, actorType: actor.type, actorId: actor.id, action: "buyer.erased", entityType: "buyer", entityId: buyerId, data: { again: buyer.erasedAt !== null } });
  });
  return { id: buyerId, erased: true };
}
