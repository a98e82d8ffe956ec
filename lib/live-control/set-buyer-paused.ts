import type { Buyer } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";

/**
 * Manual takeover of one buyer: while paused the bot leaves their comments for the seller (tagged, no
 * reservation, no reply); the seller's own messages still go out. Resuming hands the buyer back.
 */
export async function setBuyerBotPaused({ buyer, paused, actorId }: { buyer: Buyer; paused: boolean; actorId: string }) {
  const updated = await prisma.$transaction(async (tx) => {
    const b = await tx.buyer.update({ where: { id: buyer.id }, data: { botPausedAt: paused ? (buyer.botPausedAt ?? new Date()) : null } });
    await recordAudit(tx, { storeId: buyer.storeId, actorType: "USER", actorId, action: paused ? "buyer.bot_paused" : "buyer.bot_resumed", entityType: "buyer", entityId: buyer.id });
    return b;
  });
  await notifyStore(buyer.storeId, { type: "buyer.updated", buyerId: buyer.id });
  return updated;
}
