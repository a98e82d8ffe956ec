import { prisma } from "@/lib/db";
import { outcomeOfPrivateReply, type CommentOutcome } from "@/lib/pipeline/comment-outcome";

/** What the bot did with each of these comments, read from their private replies (one indexed lookup). */
export async function commentOutcomes(commentIds: string[]): Promise<Map<string, CommentOutcome>> {
  if (commentIds.length === 0) return new Map();
  const replies = await prisma.outboundMessage.findMany({
    where: { commentId: { in: commentIds }, kind: "PRIVATE_REPLY" },
    select: { commentId: true, purpose: true },
  });
  const out = new Map<string, CommentOutcome>();
  for (const r of replies) {
    const outcome = outcomeOfPrivateReply(r.purpose);
    if (r.commentId && outcome) out.set(r.commentId, outcome);
  }
  return out;
}
