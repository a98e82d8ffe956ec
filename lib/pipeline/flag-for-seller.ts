import { prisma } from "@/lib/db";
import { notifyStore } from "@/lib/realtime/notify";

/** Leaves the comment for the seller (Live Control Center → "needs review") instead of guessing. */
export async function flagForSeller({ commentId, reason }: { commentId: string; reason: string }) {
  const c = await prisma.comment.update({ where: { id: commentId }, data: { status: "NEEDS_REVIEW", error: reason, processedAt: new Date() }, select: { storeId: true, liveId: true } });
  await notifyStore(c.storeId, { type: "comment.processed", commentId, liveId: c.liveId });
}
