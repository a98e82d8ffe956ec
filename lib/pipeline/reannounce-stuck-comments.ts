import { hotPathDb } from "@/lib/db";
import { env, usesInngest } from "@/lib/env";
import { jobs, type SendableEvent } from "@/lib/jobs";
import { jobRoutes } from "@/lib/jobs/routes";
import { concurrencyGroup } from "@/lib/jobs/local/registry";

const processCommentRoute = jobRoutes["comment/received"].find((r) => r.id === "process-comment")!;

type Stuck = { id: string; storeId: string; liveId: string };

/**
 * Sweeper: comments of a live still RECEIVED `STUCK_COMMENT_SECONDS` after they arrived (or were handed
 * back after a pause) lost their comment/received event (a job or event row removed by hand, a run that
 * ended without settling the comment) and are announced again. Idempotent: the event id is the comment
 * and the threshold window, so any number of sweepers (and Inngest's dedupe) announce a comment at most
 * once per window; a comment whose job is still queued or running (a backlog), or whose event still
 * waits in the Inngest outbox (an outage), is left alone. Comments older than a day are left to the seller. Reads through the (liveId, receivedAt)
 * index of recent lives only; nothing on the comment → DM path.
 */
export async function reannounceStuckComments({ limit = 500, now = Date.now() }: { limit?: number; now?: number } = {}): Promise<number> {
  const thresholdMs = env().STUCK_COMMENT_SECONDS * 1000;
  const before = new Date(now - thresholdMs);
  const candidates = await hotPathDb.$queryRaw<Stuck[]>`
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
  const window = Math.floor(now / thresholdMs);
  const sweptId = (c: Stuck) => `comment:${c.id}:swept:${window}`;
  const inngest = usesInngest(env());
  // Already announced in this window (by another sweeper), or still waiting in the Inngest outbox for
  // the relay (an outage delays an event, it does not lose it): one read on the jobs' unique index.
  const known = await hotPathDb.$queryRaw<{ eventId: string }[]>`
    SELECT "eventId" FROM jobs
    WHERE "functionId" = ANY(${inngest ? ["inngest-outbox"] : ["process-comment"]}::text[])
      AND "eventId" = ANY(${candidates.flatMap((c) => [sweptId(c), `comment:${c.id}`])}::text[])
      AND ("eventId" LIKE '%:swept:%' OR status IN ('QUEUED', 'RUNNING'))`;
  const skip = new Set(known.map((r) => r.eventId));
  let stuck = candidates.filter((c) => !skip.has(sweptId(c)) && !skip.has(`comment:${c.id}`));
  if (!inngest && stuck.length > 0) {
    // A backlog is not a loss: skip comments whose process-comment job (any event id: first run, resumed) is still waiting or running.
    const inFlight = await hotPathDb.$queryRaw<{ commentId: string }[]>`
      SELECT DISTINCT payload->'data'->>'commentId' AS "commentId" FROM jobs
      WHERE status IN ('QUEUED', 'RUNNING') AND "functionId" = 'process-comment'
        AND "concurrencyKey" = ANY(${[...new Set(stuck.map((c) => concurrencyGroup(processCommentRoute, { data: { storeId: c.storeId } })))]}::text[])
        AND payload->'data'->>'commentId' = ANY(${stuck.map((c) => c.id)}::text[])`;
    const busy = new Set(inFlight.map((r) => r.commentId));
    stuck = stuck.filter((c) => !busy.has(c.id));
  }
  if (stuck.length === 0) return 0;
  await jobs.send(stuck.map((c): SendableEvent => ({ name: "comment/received", id: sweptId(c), data: { commentId: c.id, storeId: c.storeId, liveId: c.liveId } })));
  return stuck.length;
}
