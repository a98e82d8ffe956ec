import type { z } from "zod";
import type { Buyer } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { setBuyerBotPaused } from "@/lib/live-control/set-buyer-paused";
import { publishStoreEvent } from "@/lib/realtime/publish";
import type { buyerPatchInput } from "./schemas";

/** Block/unblock, notes and tags (and the bot pause) for one buyer; the block is audited with before/after. */
export async function updateBuyer({ buyer, input, actorId }: { buyer: Buyer; input: z.output<typeof buyerPatchInput>; actorId: string }): Promise<Buyer> {
  let current = buyer;
  if (input.blocked !== undefined || input.notes !== undefined || input.tags !== undefined) {
    current = await prisma.$transaction(async (tx) => {
      const updated = await tx.buyer.update({
        where: { id: buyer.id },
        data: {
          ...(input.blocked !== undefined && { blockedAt: input.blocked ? (buyer.blockedAt ?? new Date()) : null }),
          ...(input.notes !== undefined && { notes: input.notes }),
          ...(input.tags !== undefined && { tags: [...new Set(input.tags)] }),
        },
      });
      if (input.blocked !== undefined && input.blocked !== (buyer.blockedAt !== null)) {
        await recordAudit(tx, { storeId: buyer.storeId, actorType: "USER", actorId, action: input.blocked ? "buyer.blocked" : "buyer.unblocked", entityType: "buyer", entityId: buyer.id, data: { before: { blocked: !input.blocked }, after: { blocked: input.blocked } } });
      }
      return updated;
    });
    publishStoreEvent(buyer.storeId, { type: "buyer.updated", buyerId: buyer.id });
  }
  if (input.bot_paused !== undefined) current = await setBuyerBotPaused({ buyer: current, paused: input.bot_paused, actorId });
  return current;
}
