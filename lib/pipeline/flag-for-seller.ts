import { hotPathDb } from "@/lib/db";
import { publishStoreEvent } from "@/lib/realtime/publish";

/** Leaves the comment for the seller (Live Control Center → "needs review") instead of guessing. */
export async function flagForSeller({ commentId, reason }: { commentId: string; reason: string }) {
  const [c] = await hotPathDb.$queryRaw<{ storeId: string; liveId: string | null }[]>`
    UPDATE comments SET status = 'NEEDS_REVIEW', error = ${reason}, "processedAt" = now() WHERE id = ${commentId} RETURNING "storeId", "liveId"`;
  if (!c) throw new Error(`comment ${commentId} not found`);
  publishStoreEvent(c.storeId, { type: "comment.processed", commentId, liveId: c.liveId });
}
