import { hotPathDb } from "@/lib/db";
import { usagePeriod, usageSlot } from "@/lib/billing/plans";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { decideText } from "./understand-text";
import { replyLanguage } from "./reply-language";
import { KILL_SWITCH_REASON } from "./kill-switch";
import { stepCommitMode } from "@/lib/jobs/commit-mode";

export type Understood =
  /** `politeReply`: a blocked buyer's buy comment in a store that answers blocked buyers politely. */
  | { action: "skip"; reason: string; politeReply?: boolean }
  | {
      action: "act";
      intent: "BUY" | "QUESTION" | "GREETING" | "CANCEL" | "OPT_OUT" | "OTHER";
      confident: boolean;
      sku: string | null;
      productId: string | null;
      productName: string | null;
      /** The products offered when it cannot pick one: candidates, else (BUY) the closest; stored on the comment. */
      offered: string[];
      /** What offered holds: the products it could be, or the nearest to an unknown product. */
      offeredKind: "candidates" | "closest" | null;
      topics: Array<"price" | "stock" | "size" | "color">;
      quantity: number;
      language: string;
      erase: boolean;
      buyerId: string;
    };

type CommentRow = {
  id: string;
  storeId: string;
  liveId: string | null;
  status: string;
  text: string;
  storeLocale: string;
  hasLive: boolean;
  botEnabled: boolean | null;
  liveStatus: string | null;
  buyerId: string | null;
  buyerLocale: string | null;
  optedOut: boolean | null;
  paused: boolean | null;
  blocked: boolean | null;
  blockedBuyerReply: string;
  catalogVersion: string;
};

/** A blocked buyer's comment is stored and shown with this reason; it never reserves. */
const BLOCKED_BUYER_REASON = "buyer is blocked by the seller";

/**
 * Step 1 of process-comment: classify the comment, log the decision and decide whether the bot may act.
 * The kill switch, an opt-out or a manual takeover stop here: the comment stays visible, tagged, untouched.
 * Two statements: read the comment (with its live, store, catalog version) and find-or-create its buyer;
 * then, after classifying in memory, write the decision, the comment and the buyer's locale together.
 */
export async function understandComment({ commentId }: { commentId: string }): Promise<Understood> {
  // A replayed step finds the comment already past RECEIVED/PROCESSING: then nothing else is read or written.
  // The buyer is found first and created only when missing (a concurrent first comment of the same
  // author is resolved by ON CONFLICT, which returns the row the other statement inserted).
  const [comment] = await hotPathDb.$queryRaw<CommentRow[]>`
    WITH c AS (
      SELECT c.id, c."storeId", c."liveId", c.status::text AS status, c.text, c."authorId", c."authorName",
        c.status IN ('RECEIVED', 'PROCESSING') AS open,
        s."fbPageId", s.locale AS "storeLocale", s."blockedBuyerReply", s."catalogVersion",
        l.id IS NOT NULL AS "hasLive", l."botEnabled", l.status::text AS "liveStatus"
      FROM comments c JOIN stores s ON s.id = c."storeId" LEFT JOIN lives l ON l.id = c."liveId"
      WHERE c.id = ${commentId}
    ), existing AS (
      SELECT b.id, b."optedOutAt", b."botPausedAt", b."blockedAt", b.locale FROM c JOIN buyers b ON b."storeId" = c."storeId" AND b."authorId" = c."authorId" WHERE c.open
    ), created AS (
      INSERT INTO buyers (id, "storeId", "pageId", "authorId", name, "updatedAt")
      SELECT gen_random_uuid()::text, c."storeId", coalesce(c."fbPageId", ''), c."authorId", c."authorName", now() FROM c
      WHERE c.open AND NOT EXISTS (SELECT 1 FROM existing)
      ON CONFLICT ("storeId", "authorId") DO UPDATE SET "authorId" = EXCLUDED."authorId"
      RETURNING id, "optedOutAt", "botPausedAt", "blockedAt", locale
    ), buyer AS (
      SELECT * FROM existing UNION ALL SELECT * FROM created
    )
    SELECT c.id, c."storeId", c."liveId", c.status, c.text, c."storeLocale", c."blockedBuyerReply", c."hasLive", c."botEnabled", c."liveStatus",
      b.id AS "buyerId", b.locale AS "buyerLocale", b."optedOutAt" IS NOT NULL AS "optedOut", b."botPausedAt" IS NOT NULL AS paused, b."blockedAt" IS NOT NULL AS blocked,
      c."catalogVersion"::text AS "catalogVersion"
    FROM c LEFT JOIN buyer b ON true`;
  if (!comment) return { action: "skip", reason: "comment not found" };
  if (comment.status !== "RECEIVED" && comment.status !== "PROCESSING") return { action: "skip", reason: `already ${comment.status.toLowerCase()}` };
  const buyerId = comment.buyerId!;
  const { decision, log } = await decideText({ storeId: comment.storeId, text: comment.text, storeLocale: comment.storeLocale, catalogVersion: comment.catalogVersion });

  // The kill switch was read in the statement above with the comment itself: pausing costs no round trip.
  const botOff = comment.hasLive && comment.liveStatus === "ACTIVE" && !comment.botEnabled;
  const skipReason = !comment.hasLive
    ? "not on an active live"
    : comment.liveStatus !== "ACTIVE"
      ? "live has ended"
      : botOff
        ? KILL_SWITCH_REASON
        : comment.optedOut
          ? "buyer opted out"
          : comment.blocked
            ? BLOCKED_BUYER_REASON
            : comment.paused
            ? "manual takeover: the seller is handling this buyer"
            : null;
  // PAUSED (received while the bot was off) is kept apart from SKIPPED: the seller can still have it processed.
  const status = botOff ? "PAUSED" : skipReason ? (comment.paused ? "NEEDS_REVIEW" : "SKIPPED") : "PROCESSING";
  // The comment keeps the language it is answered in: the replies, the order and its checkout read it.
  const language = replyLanguage({ detected: decision.language, clear: decision.languageClear, buyerLocale: comment.buyerLocale, storeLocale: comment.storeLocale });
  const reason = skipReason ? `${decision.reason} — ${skipReason}` : decision.reason;
  // What the buyer could mean is kept with the comment: the quick replies point into it, and the seller's review queue shows it.
  const offeredKind = decision.candidates.length >= 2 ? "candidates" : decision.intent === "BUY" && decision.closest.length > 0 ? "closest" : null;
  const offered = offeredKind === "candidates" ? decision.candidates : offeredKind === "closest" ? decision.closest : [];
  // Committed asynchronously (set_config below, for this statement's own transaction): nothing leaves
  // the database because of it until the step's result is memoised by a later synchronous commit, whose
  // WAL flush makes this one durable too; a crash before that re-runs the step. It saves a WAL flush per
  // comment, the scarcest resource of a busy live on a small machine.
  await hotPathDb.$executeRaw`
    WITH d AS (
      -- One bot decision per comment: a step run again after a crash (its memo not written yet) logs and counts nothing twice.
      INSERT INTO ai_decisions (id, "storeId", "commentId", text, engine, intent, sku, quantity, confidence, language, reason, model, "latencyMs")
      SELECT gen_random_uuid()::text, ${comment.storeId}, ${commentId}, ${log.text}, ${log.engine}, ${log.intent}::"Intent", ${log.sku}::text, ${log.quantity}::int,
        ${log.confidence}::float8, ${log.language}::text, ${log.reason}, ${log.model}::text, ${log.latencyMs}::int
      WHERE NOT EXISTS (SELECT 1 FROM ai_decisions x WHERE x."commentId" = ${commentId} AND x.engine <> 'manual')
      RETURNING 1
    ), u AS (
      INSERT INTO usage_counters ("storeId", period, slot, "aiCalls") SELECT ${comment.storeId}, ${usagePeriod()}, ${usageSlot()}, 1 WHERE ${log.llmCall}::boolean AND EXISTS (SELECT 1 FROM d)
      ON CONFLICT ("storeId", period, slot) DO UPDATE SET "aiCalls" = usage_counters."aiCalls" + 1 RETURNING 1
    ), c AS (
      UPDATE comments SET "buyerId" = ${buyerId}, intent = ${decision.intent}::"Intent", sku = ${decision.sku}::text,
        quantity = ${decision.intent === "BUY" ? decision.quantity : null}::int, confidence = ${decision.confidence}::float8, language = ${language}::text,
        reason = ${reason}, candidates = ${offered}::text[], status = ${status}::"CommentStatus", "processedAt" = CASE WHEN ${skipReason !== null}::boolean THEN now() ELSE "processedAt" END
      WHERE id = ${commentId} RETURNING 1
    ), b AS (
      -- The buyer's language is what they last wrote clearly; a neutral "SOLD A12" does not change it.
      UPDATE buyers SET locale = ${language}::text, "updatedAt" = now()
      WHERE id = ${buyerId} AND ${decision.languageClear}::boolean
        AND split_part(replace(coalesce(locale, ''), '_', '-'), '-', 1) IS DISTINCT FROM ${language}::text RETURNING 1
    )
    SELECT (SELECT count(*) FROM d)::int AS d, (SELECT count(*) FROM u)::int AS u, (SELECT count(*) FROM c)::int AS c, (SELECT count(*) FROM b)::int AS b,
      set_config('synchronous_commit', ${stepCommitMode()}, true) AS "asyncCommit"`;
  publishStoreEvent(comment.storeId, { type: "comment.processed", commentId, liveId: comment.liveId });
  if (skipReason === BLOCKED_BUYER_REASON && decision.intent === "BUY" && comment.blockedBuyerReply === "polite") return { action: "skip", reason: skipReason, politeReply: true };
  if (skipReason) return { action: "skip", reason: skipReason };
  return {
    action: "act",
    intent: decision.intent,
    confident: decision.confident,
    sku: decision.sku,
    productId: decision.productId,
    productName: decision.productName,
    offered,
    offeredKind,
    topics: decision.topics,
    quantity: decision.quantity ?? 1,
    language,
    erase: decision.erase,
    buyerId,
  };
}

/** Last step: the comment is done (its replies, order and decision are all recorded). */
export async function finishComment({ commentId, status = "PROCESSED", note }: { commentId: string; status?: "PROCESSED" | "NEEDS_REVIEW" | "FAILED" | "PAUSED"; note?: string }) {
  const [c] = await hotPathDb.$queryRaw<{ storeId: string; liveId: string | null }[]>`
    UPDATE comments SET status = ${status}::"CommentStatus", "processedAt" = now(), error = coalesce(${note || null}::text, error)
    WHERE id = ${commentId} RETURNING "storeId", "liveId"`;
  if (!c) throw new Error(`comment ${commentId} not found`);
  publishStoreEvent(c.storeId, { type: "comment.processed", commentId, liveId: c.liveId });
}
