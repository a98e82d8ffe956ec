import { pgDb } from "@/lib/db";
import { env, usesInngest } from "@/lib/env";
import { jobs, type SendableEvent } from "@/lib/jobs";

type Stuck = { id: string; storeId: string; liveId: string };

/**
 * Sweeper: comments of a live still RECEIVED `STUCK_COMMENT_SECONDS` after they arrived (or were handed
 * back after a pause) lost their comment/received event — an event send that failed after the commit,
 * a crash in between — and are announced again. Idempotent: the event id is the comment and the
 * threshold window, so any number of sweepers (and Inngest's dedupe) announce a comment at most once
 * per window; under the local driver a comment whose job is still queued or running (a backlog) is
 * left alone. Comments older than a day are left to the seller. Reads through the (liveId, receivedAt)
 * index of recent lives only; nothing on the comment → DM path.
 */
export async function reannounceStuckComments({ limit = 500, now = Date.now() }: { limit?: number; now?: number } = {}): Promise<number> {
  const thresholdMs = env().STUCK_COMMENT_SECONDS * 1000;
  const before = new Date(now - thresholdMs);
  const candidates = await pgDb.$queryRaw<Stuck[]>`
    SELECT c.id, c."storeId", c."liveId"
    FROM lives l
    CROSS JOIN LATERAL (
      SELECT id, "storeId", "liveId" FROM comments c
      WHERE c."liveId" = l.id AND c."receivedAt" >= now() - interval '1 day' AND c.status = 'RECEIVED'
        AND coalesce(c."resumedAt", c."receivedAt") < ${before}
      ORDER BY c."receivedAt" LIMIT ${limit}
    ) c
    WHERE l.status = 'ACTIVE' OR l."endedAt" >= now() - interval '1 day'
    LIMIT ${limit}`;
  if (candidates.length === 0) return 0;
  let stuck = candidates;
  if (!usesInngest(env())) {
    // A backlog is not a loss: skip comments whose process-comment job is still waiting or running.
    const inFlight = await pgDb.$queryRaw<{ commentId: string }[]>`
      SELECT DISTINCT payload->'data'->>'commentId' AS "commentId" FROM jobs
      WHERE status IN ('QUEUED', 'RUNNING') AND "functionId" = 'process-comment'
        AND "concurrencyKey" = ANY(${[...new Set(candidates.map((c) => `process-comment:${c.liveId}`))]}::text[]) -- the (status, concurrencyKey) index
        AND payload->'data'->>'commentId' = ANY(${candidates.map((c) => c.id)}::text[])`;
    const busy = new Set(inFlight.map((r) => r.commentId));
    stuck = candidates.filter((c) => !busy.has(c.id));
  }
  if (stuck.length === 0) return 0;
  const window = Math.floor(now / thresholdMs);
  const events: SendableEvent[] = stuck.map((c) => ({ name: "comment/received", id: `comment:${c.id}:swept:${window}`, data: { commentId: c.id, storeId: c.storeId, liveId: c.liveId } }));
  await jobs.send(events);
  return stuck.length;
}
