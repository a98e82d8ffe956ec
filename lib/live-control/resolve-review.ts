import { unprocessable, conflict } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { findChosenProduct, settleChoice, type SettledChoice } from "@/lib/pipeline/settle-choice";

/**
 * The seller picks one of a comment's candidates in the review queue. Same path as the buyer's tap
 * (settleChoice): one reservation per comment, one cart DM. Only a product the comment was offered
 * may be chosen; anything else is a correction (takeover panel).
 */
export async function resolveReviewedComment({ storeId, commentId, sku, actorId }: { storeId: string; commentId: string; sku: string; actorId: string }): Promise<SettledChoice> {
  const choice = await findChosenProduct({ storeId, commentId, sku });
  if (!choice) throw unprocessable(`sku: ${sku} is not one of this comment's candidates`, [{ field: "sku", message: "not one of the comment's candidates" }]);
  const settled = await settleChoice({ ...choice, expired: false });
  if (settled.status === "skipped") throw conflict("bot_not_acting", `Nothing was reserved: ${settled.reason}`);
  await recordAudit(prisma, { storeId, actorType: "USER", actorId, action: "comment.resolved", entityType: "comment", entityId: commentId, data: { sku, result: settled.status } });
  return settled;
}
