import { randomUUID } from "node:crypto";
import type { Live } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db";
import { jobs, type SendableEvent } from "@/lib/jobs";
import { conflict } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { notifyStore } from "@/lib/realtime/notify";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { KILL_SWITCH_REASON } from "@/lib/pipeline/kill-switch";

type LiveRef = Pick<Live, "id" | "storeId">;
export type Requeued = { live: LiveRef; commentIds: string[]; events: SendableEvent[] };

/**
 * Inside the caller's transaction: hands every comment the live received while its bot was off (status
 * PAUSED) back to the normal pipeline, oldest first, and returns what it took.
 *
 * Exactly once per comment: the flip PAUSED → RECEIVED is one UPDATE, and its row locks make a
 * concurrent call (a double click, a second seller) wait for this one and then skip every row this one
 * flipped, so only the comments this statement took get a job. The messages the switch held back for
 * them (it went off between reserving and replying) become sendable again under their same keys, so
 * nothing is sent twice (with no claim time: the try that held them back has ended, nothing is in flight). The pipeline re-reads the switch at every step: if it goes off again before a
 * job runs, the comment just waits as PAUSED again.
 *
 * The events commit with the flip (outbox, on both drivers), so no run can find its comment still PAUSED.
 */
export async function requeuePausedComments(tx: Tx, { live }: { live: LiveRef }): Promise<Requeued> {
  const rows = await tx.$queryRaw<{ id: string; receivedAt: Date }[]>`
    UPDATE comments SET status = 'RECEIVED', "processedAt" = NULL, error = NULL, "resumedAt" = now()
    WHERE "liveId" = ${live.id} AND status = 'PAUSED'
    RETURNING id, "receivedAt"`;
  if (rows.length === 0) return { live, commentIds: [], events: [] };
  rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
  const commentIds = rows.map((r) => r.id);
  await tx.$executeRaw`
    UPDATE outbound_messages SET status = 'PENDING', error = NULL, "claimedAt" = NULL
    WHERE "commentId" = ANY(${commentIds}::text[]) AND status = 'SKIPPED' AND error = ${KILL_SWITCH_REASON}`;
  // A fresh event id per hand-back: the comment's first run (which paused it) already used `comment:<id>`.
  const events: SendableEvent[] = commentIds.map((id) => ({
    name: "comment/received",
    id: `comment:${id}:resumed:${randomUUID()}`,
    data: { commentId: id, storeId: live.storeId, liveId: live.id },
  }));
  await jobs.send(events, { tx });
  return { live, commentIds, events };
}

/** After the commit of `requeuePausedComments`: dashboards get their hints. */
export async function afterRequeue({ live, commentIds }: Requeued) {
  for (const commentId of commentIds) publishStoreEvent(live.storeId, { type: "comment.received", commentId, liveId: live.id });
  await notifyStore(live.storeId, { type: "live.updated", liveId: live.id });
}

/** Comments of the live still waiting as "received while paused". */
export async function countPausedComments({ liveId }: { liveId: string }) {
  return prisma.comment.count({ where: { liveId, status: "PAUSED" } });
}

/**
 * `POST /api/v1/lives/{id}/paused-comments/process`: the seller asks for the comments received while the
 * bot was off to be processed now. Refused while the bot is off (nothing may be reserved or sent then)
 * and once the live has ended (the bot no longer sells in it). A repeated call finds nothing left to do.
 */
export async function processPausedComments({ live, actorId }: { live: LiveRef; actorId: string }) {
  const requeued = await prisma.$transaction(async (tx) => {
    const current = await tx.live.findUniqueOrThrow({ where: { id: live.id }, select: { botEnabled: true, status: true } });
    assertCanProcess(current);
    const r = await requeuePausedComments(tx, { live });
    if (r.commentIds.length) await recordPausedProcessed(tx, { live, actorId, count: r.commentIds.length });
    return r;
  });
  await afterRequeue(requeued);
  return { live_id: live.id, queued: requeued.commentIds.length, paused_comments: await countPausedComments({ liveId: live.id }) };
}

export function assertCanProcess(live: Pick<Live, "botEnabled" | "status">) {
  if (live.status !== "ACTIVE") throw conflict("live_ended", "This live has ended: its paused comments can no longer be processed");
  if (!live.botEnabled) throw conflict("bot_disabled", "Turn the bot on first: while it is off nothing is reserved or sent");
}

export async function recordPausedProcessed(tx: Tx, { live, actorId, count }: { live: LiveRef; actorId: string; count: number }) {
  await recordAudit(tx, { storeId: live.storeId, actorType: "USER", actorId, action: "live.paused_comments_processed", entityType: "live", entityId: live.id, data: { count } });
}
