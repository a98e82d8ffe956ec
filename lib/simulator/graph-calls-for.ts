import { prisma } from "@/lib/db";
import { isStoreMember } from "@/lib/stores/access";
import { builtInFakeGraph } from "./built-in-dev-graph-api";
import { simulatorEnabled } from "./simulator";

/**
 * What actually reached the built-in fake Graph API (the wire-level view, independent of what the app
 * recorded) for one comment — public replies under it and the private reply to it — or for one order's
 * buyer — every later message sent to her PSID. Null when the caller is not a member of its store.
 */
export async function graphCallsFor({ userId, commentId, orderId }: { userId: string; commentId?: string; orderId?: string }) {
  const fake = builtInFakeGraph();
  if (!simulatorEnabled() || !fake) return null;
  if (commentId) {
    const comment = await prisma.comment.findUnique({ where: { metaCommentId: commentId }, select: { storeId: true } });
    if (!comment || !(await isStoreMember(userId, comment.storeId))) return null;
    return (await fake).calls.filter((c) => c.path.includes(commentId) || JSON.stringify(c.body ?? {}).includes(`"comment_id":"${commentId}"`));
  }
  const order = orderId ? await prisma.order.findUnique({ where: { id: orderId }, select: { storeId: true, buyer: { select: { psid: true } } } }) : null;
  if (!order || !(await isStoreMember(userId, order.storeId))) return null;
  const psid = order.buyer?.psid;
  return psid ? (await fake).calls.filter((c) => c.kind === "message" && c.psid === psid) : [];
}
