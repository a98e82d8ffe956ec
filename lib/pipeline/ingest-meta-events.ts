import { createHash, randomUUID } from "node:crypto";
import { startLiveFromWebhook } from "@/lib/lives/start-live-from-webhook";
import type { MetaCommentEvent, MetaLiveStatusEvent, MetaMessageEvent, MetaPostbackEvent, MetaWebhookEvent } from "@/lib/meta/webhook";
import { hotPathDb, prisma } from "@/lib/db";
import { usagePeriod, usageSlot } from "@/lib/billing/plans";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { jobRowsInsert, jobs, type SendableEvent } from "@/lib/jobs";
import { endLive } from "@/lib/lives/lives";
import { cachedPage, rememberPage, type CachedLive } from "./page-lives-cache";

type Live = CachedLive;

/** A comment belongs to a live when Meta names its video, or its post is the live's post. */
function liveFor(event: MetaCommentEvent, lives: Live[]) {
  return lives.find(
    (l) =>
      (event.videoId && l.fbVideoId === event.videoId) ||
      (l.fbPostId && l.fbPostId === event.postId) ||
      event.postId === l.fbVideoId ||
      event.postId.endsWith(`_${l.fbVideoId}`),
  );
}

type Candidate = { id: string; storeId: string; liveId: string | null; event: MetaCommentEvent };
type Inserted = { id: string; storeId: string; liveId: string | null; status: "RECEIVED" | "SKIPPED" };

/**
 * Durably stores what a verified Meta webhook delivered, before Meta gets its 200: comments into the
 * inbox (the unique Meta comment id makes redeliveries no-ops), buyer messages into inbound_messages,
 * and the jobs that process them in the same transaction (outbox). The processing itself runs after.
 *
 * Comments — nearly all of a busy live's traffic — cost one or two statements on the plain pg pool: a
 * read of the pages' stores and active lives (skipped while page-lives-cache.ts holds them), and one
 * INSERT that writes the comments, this month's usage and the process-comment jobs of exactly the
 * comments it stored (one atomic statement, no interactive transaction). Dashboards and idle workers
 * are told after it committed.
 */
export async function ingestMetaEvents(events: MetaWebhookEvent[], { recovered = false }: { recovered?: boolean } = {}) {
  const pageIds = [...new Set(events.map((e) => e.pageId))];
  if (pageIds.length === 0) return { comments: 0, messages: 0, ignored: 0 };
  const storeByPage = new Map<string, string>();
  const livesByStore = new Map<string, Live[]>();
  // A page is served from the cache only when every comment of this delivery matches one of its cached lives.
  const toRead = pageIds.filter((pageId) => {
    const cached = cachedPage(pageId);
    if (!cached || events.some((e) => e.type === "comment" && e.pageId === pageId && !liveFor(e, cached.lives))) return true;
    storeByPage.set(pageId, cached.storeId);
    livesByStore.set(cached.storeId, cached.lives);
    return false;
  });
  if (toRead.length > 0) {
    const rows = await hotPathDb.$queryRaw<{ storeId: string; pageId: string; liveId: string | null; fbVideoId: string | null; fbPostId: string | null }[]>`
      SELECT s.id AS "storeId", s."fbPageId" AS "pageId", l.id AS "liveId", l."fbVideoId", l."fbPostId"
      FROM stores s
      LEFT JOIN lives l ON l."storeId" = s.id AND l.status = 'ACTIVE'
      WHERE s."fbPageId" = ANY(${toRead}::text[])`;
    const read = new Map<string, { storeId: string; lives: Live[] }>();
    for (const r of rows) {
      const entry = read.get(r.pageId) ?? { storeId: r.storeId, lives: [] };
      if (r.liveId) entry.lives.push({ id: r.liveId, storeId: r.storeId, fbVideoId: r.fbVideoId!, fbPostId: r.fbPostId });
      read.set(r.pageId, entry);
    }
    for (const [pageId, entry] of read) {
      storeByPage.set(pageId, entry.storeId);
      livesByStore.set(entry.storeId, entry.lives);
      rememberPage(pageId, entry.storeId, entry.lives);
    }
  }
  const comments = events.filter((e): e is MetaCommentEvent => e.type === "comment" && storeByPage.has(e.pageId));
  const inbound = events.filter((e): e is MetaMessageEvent | MetaPostbackEvent => (e.type === "message" || e.type === "postback") && storeByPage.has(e.pageId));
  const statuses = events.filter((e): e is MetaLiveStatusEvent => e.type === "live_status" && storeByPage.has(e.pageId));

  const candidates: Candidate[] = comments.map((event) => {
    const storeId = storeByPage.get(event.pageId)!;
    return { id: randomUUID(), storeId, liveId: liveFor(event, livesByStore.get(storeId) ?? [])?.id ?? null, event };
  });
  const stored = candidates.length ? await storeComments(candidates, recovered) : [];
  const messages = inbound.length ? await storeMessages(inbound, storeByPage) : 0;

  for (const s of statuses) {
    if (s.status.toLowerCase() === "live") {
      await startLiveFromWebhook({ storeId: storeByPage.get(s.pageId)!, pageId: s.pageId, videoId: s.videoId });
      continue;
    }
    if (!["live_stopped", "vod", "processing"].includes(s.status.toLowerCase())) continue;
    const live = await prisma.live.findFirst({ where: { storeId: storeByPage.get(s.pageId)!, fbVideoId: s.videoId, status: "ACTIVE" } });
    if (live) await endLive({ live, actorType: "WEBHOOK" });
  }
  return { comments: stored.length, messages, ignored: events.length - comments.length - inbound.length - statuses.length };
}

function processEvent(c: { id: string; storeId: string; liveId: string | null }): SendableEvent {
  return { name: "comment/received", id: `comment:${c.id}`, data: { commentId: c.id, storeId: c.storeId, ...(c.liveId && { liveId: c.liveId }) } };
}

// The process-comment jobs of exactly the comments the statement stored (not redeliveries, not comments outside a live).
const insertProcessJobs = jobRowsInsert({ filter: "JOIN ins ON r.eid = 'comment:' || ins.id AND ins.status = 'RECEIVED'", returning: "1" });

async function storeComments(candidates: Candidate[], recovered: boolean): Promise<Inserted[]> {
  // Job rows (outbox rows under Inngest) for every comment that could be stored; the statement keeps
  // those whose comment it stored, so a stored comment always has its event (and a redelivery adds none).
  const jobRows = jobs.outboxRows(candidates.filter((c) => c.liveId).map(processEvent));
  const c = candidates;
  const inserted = await hotPathDb.$queryRaw<Inserted[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${c.map((x) => x.id)}::text[], ${c.map((x) => x.storeId)}::text[], ${c.map((x) => x.liveId)}::text[],
        ${c.map((x) => x.event.commentId)}::text[], ${c.map((x) => x.event.postId)}::text[],
        ${c.map((x) => x.event.from?.id ?? `anonymous:${x.event.commentId}`)}::text[], ${c.map((x) => x.event.from?.name ?? "")}::text[],
        ${c.map((x) => x.event.message.slice(0, 8000))}::text[], ${c.map((x) => x.event.createdTime.toISOString())}::timestamptz[]
      ) AS i(id, "storeId", "liveId", "metaCommentId", "postId", "authorId", "authorName", text, "createdTime")
    ), ins AS (
      -- Comments on ordinary posts are kept (the seller sees them) but the bot only sells in lives.
      INSERT INTO comments (id, "storeId", "liveId", "metaCommentId", "postId", "authorId", "authorName", text, "createdTime", recovered, status, reason)
      SELECT id, "storeId", "liveId", "metaCommentId", "postId", "authorId", "authorName", text, "createdTime", ${recovered}::boolean,
        (CASE WHEN "liveId" IS NULL THEN 'SKIPPED' ELSE 'RECEIVED' END)::"CommentStatus",
        CASE WHEN "liveId" IS NULL THEN 'not on an active live' END
      FROM input
      ON CONFLICT ("metaCommentId") DO NOTHING
      RETURNING id, "storeId", "liveId", status::text AS status
    ), usage AS (
      INSERT INTO usage_counters ("storeId", period, slot, comments)
      SELECT "storeId", ${usagePeriod()}, ${usageSlot()}, count(*)::int FROM ins GROUP BY "storeId"
      ON CONFLICT ("storeId", period, slot) DO UPDATE SET comments = usage_counters.comments + EXCLUDED.comments
      RETURNING 1
    ), queued AS (
      ${insertProcessJobs(jobRows)}
    )
    SELECT id, "storeId", "liveId", status FROM ins, (SELECT count(*) FROM usage) u, (SELECT count(*) FROM queued) q`;
  const toProcess = inserted.filter((i) => i.status === "RECEIVED");
  if (toProcess.length) jobs.wakeWorkers(toProcess.map((i) => i.storeId));
  for (const i of inserted) publishStoreEvent(i.storeId, { type: "comment.received", commentId: i.id, liveId: i.liveId });
  return inserted;
}

/**
 * One buyer's conversation with one store, as a job concurrency key: a digest of the sender id, never the
 * id itself (job rows outlive a buyer's erasure, which rewrites the sender id in inbound_messages).
 */
function conversationKeyOf(storeId: string, senderId: string) {
  return `${storeId}:${createHash("sha256").update(senderId).digest("base64url").slice(0, 22)}`;
}

/** Buyer messages and quick replies (far rarer than comments): inbox rows and their jobs in one transaction. */
async function storeMessages(inbound: (MetaMessageEvent | MetaPostbackEvent)[], storeByPage: Map<string, string>) {
  const newMessages = await prisma.$transaction(async (tx) => {
    const rows = await tx.inboundMessage.createManyAndReturn({
      // Oldest first, so a batch's job rows keep the order the buyer wrote in.
      data: [...inbound].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime()).map((m) => ({
        storeId: storeByPage.get(m.pageId)!,
        mid: m.mid ?? `postback:${m.senderId}:${m.timestamp.getTime()}:${m.type === "postback" ? m.payload : ""}`,
        senderId: m.senderId,
        text: (m.type === "message" ? m.text : m.title) ?? "",
        quickReplyPayload: m.type === "message" ? (m.quickReplyPayload ?? null) : m.payload,
        receivedAt: m.timestamp,
      })),
      skipDuplicates: true,
      select: { id: true, storeId: true, senderId: true },
    });
    if (rows.length) {
      const events = rows.map((m) => ({ name: "message/received" as const, id: `message:${m.id}`, data: { inboundMessageId: m.id, storeId: m.storeId, conversationKey: conversationKeyOf(m.storeId, m.senderId) } }));
      await jobs.send(events, { tx });
    }
    return rows;
  }, { maxWait: 10_000, timeout: 15_000 });
  return newMessages.length;
}
