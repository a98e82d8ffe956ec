import { prisma, hotPathDb } from "@/lib/db";
import type { MetaMessage } from "@/lib/meta/messages";
import { GraphOutcomeUnknownError, MetaApiError, MetaAuthError, MetaMessagingBlockedError, isRetryableMetaError } from "@/lib/meta/errors";
import { markPageDisconnected } from "./mark-page-disconnected";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { recordAudit } from "@/lib/audit/record-audit";
import { usagePeriod, usageSlot } from "@/lib/billing/plans";
import { graphClient, pageCredentials } from "./graph";
import { KILL_SWITCH_REASON } from "@/lib/pipeline/kill-switch";
import { metrics } from "@/lib/observability/metrics";
import { logger } from "@/lib/observability/logger";
import { stepCommitMode } from "@/lib/jobs/commit-mode";

export const MESSAGING_WINDOW_MS = 24 * 3600 * 1000;

export type OutboundRequest = {
  storeId: string;
  /** Unique per intended message: a retried step with the same key never sends twice. */
  idempotencyKey: string;
  purpose: string;
  buyerId?: string | null;
  /** Internal comment id (for the timeline) and the Meta id the reply goes to. */
  commentId?: string | null;
  liveId?: string | null;
  orderId?: string | null;
  /** Seller-initiated (manual takeover) messages ignore the bot pause, never the opt-out. */
  manual?: boolean;
} & (
  | { kind: "PUBLIC_REPLY"; metaCommentId: string; text: string }
  | { kind: "PRIVATE_REPLY"; metaCommentId: string; message: MetaMessage }
  | { kind: "DM"; message: MetaMessage; template?: MetaMessage | null }
);

/** Why a message waits as PENDING: the Page must be reconnected (see resend-pending-messages.ts). */
export const PAGE_DISCONNECTED = "Facebook Page disconnected (token expired or revoked): waiting for the seller to reconnect";

/**
 * Why a DM by PSID is FAILED without being sent again: an earlier try asked Meta to send it and stopped
 * before recording Meta's answer (a crash between the call and the record). The Send API has no
 * idempotency key and no way to look a message up, so only the message id Meta answers proves a
 * delivery; without it the DM may or may not have reached the buyer, and sending it again risks a
 * second receipt, tracking number or reminder. It is not re-sent; the seller sees it failed, with
 * this reason, in the buyer's conversation and the order's timeline, and can write to the buyer.
 */
export const DM_OUTCOME_UNKNOWN = "outcome unknown: an earlier try asked Meta to send this message and stopped before recording the answer; not sent again so the buyer never gets it twice";

/**
 * How long after a try claimed a public reply that try may still be about to post it: one Graph call
 * (10 s timeout) plus the client's own backoff on rate-limit answers (about 8 s), with margin. Meta posts a
 * second public reply if asked twice, and a retry recognises the first only once it is on the Page. So a
 * retry that finds an earlier claim younger than this with nothing recorded (the earlier try may still be
 * running: a worker that stalled past its lease, a step Inngest re-ran while its first request was alive —
 * or it crashed) looks for the Page's reply every few seconds until the window has passed, and posts
 * only if it is still missing then (an earlier try that recorded nothing has surely ended by then).
 */
export const PUBLIC_REPLY_IN_FLIGHT_SECONDS = 30;

/** PENDING: not sent yet and kept under its key — the Page is disconnected (see PAGE_DISCONNECTED). */
export type OutboundResult = { status: "SENT" | "SKIPPED" | "FAILED" | "PENDING"; messageId: string; reason?: string; duplicate: boolean };

/** Marks a comment done in the same statement that records its replies (see replyToComment). */
export type CommentCompletion = {
  commentId: string;
  status: "PROCESSED" | "NEEDS_REVIEW";
  /** The request whose first-time SENT sets the comment's dmSentAt. */
  privateIndex: number;
};

type MessageStatus = "PENDING" | "SENT" | "SKIPPED" | "FAILED";
type ClaimRow = {
  ord: number;
  id: string;
  status: MessageStatus;
  /** Claims of this key so far, this one included: above 1 a PENDING message's earlier try may have reached Meta. */
  attempts: number;
  /** A DM by PSID whose earlier claim recorded nothing (no answer, no error): its outcome is unknown. */
  unknownOutcome: boolean;
  /** A public reply whose earlier claim recorded nothing: how long that try may still post it (ms; null: not in flight). */
  inFlightMs: number | null;
  error: string | null;
  storeFound: boolean;
  suspended: boolean | null;
  publicOnly: boolean | null;
  botEnabled: boolean | null;
  optedOut: boolean | null;
  paused: boolean | null;
  psid: string | null;
  lastInboundAt: Date | null;
};
type Guards = Pick<ClaimRow, "suspended" | "publicOnly" | "botEnabled" | "optedOut" | "paused" | "psid" | "lastInboundAt">;

/** What happened to one claimed message: a final status, or (rate limit / outage) only an error while it stays PENDING. */
type Outcome =
  /** onlyIfPending: recorded only over a PENDING row (never over what a concurrent try recorded). */
  | { final: true; status: "SENT" | "SKIPPED" | "FAILED"; externalId?: string; error?: string; psid?: string | null; onlyIfPending?: boolean }
  | { final: false; error: string };

/**
 * Sends one message to Meta at most once per idempotency key, after re-reading every guard (kill switch,
 * opt-out, manual takeover, page blocked, 24 h window) at the moment of sending. Rate limits and outages
 * throw, so the job retries later with the same key; permanent refusals are recorded as FAILED.
 * Two statements per message: claim the key together with the guards, record the result.
 */
export async function sendOutbound(req: OutboundRequest): Promise<OutboundResult> {
  const [result] = await sendOutboundBatch([req]);
  return result!;
}

/**
 * `sendOutbound` for several messages at once (a comment's public and private reply): one statement
 * claims every key and reads every guard, the Graph calls run concurrently, one statement records every
 * result (plus usage, the buyer's PSID and, with `complete`, the comment's final status).
 * A message already SENT/SKIPPED/FAILED under its key is not sent again (`duplicate: true`), so a
 * retried step sends only what is missing. When a call must be retried (rate limit, outage), the other
 * results are recorded first and then the first such error is thrown; the comment is then not completed.
 */
export async function sendOutboundBatch(reqs: readonly OutboundRequest[], { complete }: { complete?: CommentCompletion } = {}): Promise<OutboundResult[]> {
  if (new Set(reqs.map((r) => r.idempotencyKey)).size !== reqs.length) throw new Error("sendOutboundBatch: idempotency keys must be unique within a batch");
  const claims = reqs.length ? await claim(reqs) : [];

  const results: (OutboundResult | null)[] = reqs.map(() => null);
  const outcomes: (Outcome | null)[] = reqs.map(() => null);
  const toSend: number[] = [];
  claims.forEach((row, i) => {
    if (row.status !== "PENDING") results[i] = { status: row.status, messageId: row.id, duplicate: true, reason: row.error ?? undefined };
    else if (row.unknownOutcome) {
      // At most once: without Meta's message id nobody can tell whether the earlier try reached the buyer.
      logger.warn({ messageId: row.id, storeId: reqs[i]!.storeId, purpose: reqs[i]!.purpose }, "DM with an unknown outcome not sent again");
      outcomes[i] = { final: true, status: "FAILED", error: DM_OUTCOME_UNKNOWN, onlyIfPending: true };
    } else {
      const skip = guardReason(reqs[i]!, row.storeFound ? row : undefined);
      if (skip) outcomes[i] = { final: true, status: "SKIPPED", error: skip };
      else toSend.push(i);
    }
  });

  let thrown: unknown = null;
  if (toSend.length) {
    const settled = await Promise.allSettled(toSend.map((i) => deliver(reqs[i]!, claims[i]!)));
    for (const [n, s] of settled.entries()) {
      const i = toSend[n]!;
      if (s.status === "fulfilled") {
        outcomes[i] = s.value;
        continue;
      }
      const error = s.reason;
      if (isRetryableMetaError(error)) {
        outcomes[i] = { final: false, error: error.message.slice(0, 500) }; // the row stays PENDING with the same key
        thrown ??= error;
      } else if (error instanceof MetaAuthError) {
        // Error 190: the Page token expired or was revoked. The message waits (PENDING) for the reconnect.
        await markPageDisconnected({ storeId: reqs[i]!.storeId, reason: `${error.code}: ${error.message}`.slice(0, 300) });
        outcomes[i] = { final: false, error: PAGE_DISCONNECTED };
      } else if (error instanceof MetaApiError) {
        if (error instanceof MetaMessagingBlockedError && error.scope === "page") await markPageBlocked(reqs[i]!.storeId, reqs[i]!.liveId ?? null, error);
        outcomes[i] = { final: true, status: "FAILED", error: `${error.code}: ${error.message}`.slice(0, 500) };
      } else {
        // Not Meta's answer (a bug, the database): left PENDING. Before the Graph call the error is
        // recorded — the message surely was not sent, a retry sends it; after it the outcome is unknown.
        if (!afterGraphCall.has(error as object)) outcomes[i] = { final: false, error: `not sent: ${(error as Error)?.message ?? String(error)}`.slice(0, 500) };
        thrown ??= error;
      }
    }
  }

  outcomes.forEach((o, i) => {
    if (o?.final) results[i] = { status: o.status, messageId: claims[i]!.id, reason: o.error, duplicate: false };
    else if (o && o.error === PAGE_DISCONNECTED) results[i] = { status: "PENDING", messageId: claims[i]!.id, reason: o.error, duplicate: false };
  });
  const reply = complete ? results[complete.privateIndex] : null;
  // The kill switch went off between reserving and replying: the comment waits with those received while
  // paused (the held-back messages are released when they are processed, see process-paused-comments.ts).
  const heldBySwitch = reply?.status === "SKIPPED" && !reply.duplicate && reply.reason === KILL_SWITCH_REASON;
  const completion = complete && !thrown
    ? { ...complete, status: heldBySwitch ? ("PAUSED" as const) : complete.status, dmSent: reply?.status === "SENT" && !reply.duplicate }
    : null;
  if (outcomes.some((o) => o) || completion) await record(reqs, claims, outcomes, completion);

  if (thrown) throw thrown;
  return results as OutboundResult[];
}

/** One statement: insert-or-count each key, then read the guards of each message as of now. */
async function claim(reqs: readonly OutboundRequest[]): Promise<ClaimRow[]> {
  const input = JSON.stringify(
    reqs.map((req, ord) => ({
      ord,
      storeId: req.storeId,
      buyerId: req.buyerId ?? null,
      commentId: req.commentId ?? null,
      liveId: req.liveId ?? null,
      orderId: req.orderId ?? null,
      kind: req.kind,
      purpose: req.purpose,
      key: req.idempotencyKey,
      recipient: req.kind === "DM" ? `buyer:${req.buyerId}` : `comment:${req.metaCommentId}`,
      body: req.kind === "PUBLIC_REPLY" ? { message: req.text } : { message: req.message },
    })),
  );
  const rows = await hotPathDb.$queryRaw<ClaimRow[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb)
        AS t(ord int, "storeId" text, "buyerId" text, "commentId" text, "liveId" text, "orderId" text, kind text, purpose text, key text, recipient text, body jsonb)
    ), claimed AS (
      INSERT INTO outbound_messages (id, "storeId", "buyerId", "commentId", "orderId", kind, purpose, "idempotencyKey", recipient, body, attempts, "claimedAt")
      SELECT gen_random_uuid()::text, i."storeId", i."buyerId", i."commentId", i."orderId", i.kind::"MessageKind", i.purpose, i.key, i.recipient, i.body, 1, now()
      FROM input i ORDER BY i.ord
      ON CONFLICT ("idempotencyKey") DO UPDATE SET attempts = outbound_messages.attempts + 1,
        -- This try starts with a clean slate: only what it records itself tells the next try it ended.
        error = CASE WHEN outbound_messages.kind IN ('DM', 'PUBLIC_REPLY') AND outbound_messages.status = 'PENDING' THEN NULL ELSE outbound_messages.error END,
        -- A public reply an earlier try may still be posting keeps that try's claim time: retries do not
        -- push the end of its window (PUBLIC_REPLY_IN_FLIGHT_SECONDS) further away.
        "claimedAt" = CASE
          WHEN public_reply_in_flight(outbound_messages.kind, outbound_messages.status, outbound_messages.error, outbound_messages."claimedAt", ${PUBLIC_REPLY_IN_FLIGHT_SECONDS})
          THEN outbound_messages."claimedAt" ELSE now() END
      -- The earlier claim as it stood under the row lock (old.*, not the statement's snapshot, so a claim
      -- committed while this one waited counts). Still PENDING with no error means that try recorded
      -- nothing: a DM's may have reached Meta (see DM_OUTCOME_UNKNOWN); a public reply's may still be on
      -- its way if the claim is recent (see PUBLIC_REPLY_IN_FLIGHT_SECONDS).
      RETURNING id, "idempotencyKey", status, error, attempts,
        coalesce(old.id IS NOT NULL AND new.kind = 'DM' AND old.status = 'PENDING' AND old.error IS NULL, false) AS unknown,
        CASE WHEN public_reply_in_flight(new.kind, old.status, old.error, old."claimedAt", ${PUBLIC_REPLY_IN_FLIGHT_SECONDS})
        THEN ceil(extract(epoch FROM old."claimedAt" + make_interval(secs => ${PUBLIC_REPLY_IN_FLIGHT_SECONDS}) - now()) * 1000)::int END AS "inFlightMs"
    )
    SELECT i.ord, m.id, m.status::text AS status, m.error, m.attempts, m.unknown AS "unknownOutcome", m."inFlightMs",
      s.id IS NOT NULL AS "storeFound", s."suspendedAt" IS NOT NULL AS suspended, s."messagingMode" = 'PUBLIC_ONLY' AS "publicOnly",
      l."botEnabled", (b."optedOutAt" IS NOT NULL OR b."erasedAt" IS NOT NULL) AS "optedOut", b."botPausedAt" IS NOT NULL AS paused,
      b.psid, b."lastInboundAt"
    FROM input i
    JOIN claimed m ON m."idempotencyKey" = i.key
    LEFT JOIN stores s ON s.id = i."storeId"
    LEFT JOIN lives l ON l.id = i."liveId"
    LEFT JOIN buyers b ON b.id = i."buyerId"
    ORDER BY i.ord`;
  if (rows.length !== reqs.length) throw new Error(`outbound claim returned ${rows.length} rows for ${reqs.length} messages`);
  return rows;
}

/** Errors thrown by a DM's or a public reply's Graph call itself (not before it): a non-Meta one leaves its outcome unknown. */
const afterGraphCall = new WeakSet<object>();

/** The Graph call for one claimed message that passed its guards. Meta errors are thrown to the caller. */
async function deliver(req: OutboundRequest, g: Guards & Pick<ClaimRow, "id" | "attempts" | "inFlightMs">): Promise<Outcome> {
  const creds = await pageCredentials(req.storeId);
  if (!creds) return { final: true, status: "FAILED", error: "Facebook Page not connected" };
  // Meta revoked the token: no Graph call until the seller reconnects; then the pending replies go out.
  if (creds.disconnected) return { final: false, error: PAGE_DISCONNECTED };
  const graph = graphClient();
  if (req.kind === "PUBLIC_REPLY") {
    // Claimed before and never recorded (a crash between the Graph call and the record, or a lost
    // answer): Meta would happily post a second public reply, so look for the Page's reply first — for
    // as long as the earlier try may still be posting it (PUBLIC_REPLY_IN_FLIGHT_SECONDS).
    if (g.attempts > 1) {
      const settled = await findPageReplyWhileInFlight(graph, { commentId: req.metaCommentId, pageId: creds.pageId, pageToken: creds.token }, g);
      if (settled) return settled;
    }
    const res = await graph.replyToComment({ commentId: req.metaCommentId, message: req.text, pageToken: creds.token }).catch(async (error: unknown) => {
      // The answer was lost after Meta may have posted it: the Page's own reply, if it is there, is this one.
      if (!(error instanceof GraphOutcomeUnknownError)) throw error;
      const existing = await findPageReply(graph, { commentId: req.metaCommentId, pageId: creds.pageId, pageToken: creds.token }).catch(() => null);
      if (existing) return { id: existing };
      // Not found (yet): nothing is recorded, so the row stays PENDING as claimed and the job's retry waits
      // for the reply to show up on the Page until this claim's in-flight window has passed, then posts.
      afterGraphCall.add(error);
      throw error;
    });
    return { final: true, status: "SENT", externalId: res.id };
  }
  if (req.kind === "PRIVATE_REPLY") {
    const res = await graph.sendPrivateReply({ pageId: creds.pageId, commentId: req.metaCommentId, message: req.message, pageToken: creds.token });
    // Meta answers with the buyer's page-scoped id: later DMs (reminders, receipts) go to it.
    const psid = !res.alreadySent && res.recipientId && req.buyerId && !g.psid ? res.recipientId : null;
    return { final: true, status: "SENT", externalId: res.alreadySent ? "already-sent" : res.id, psid };
  }
  if (!g.psid) return { final: true, status: "SKIPPED", error: "buyer has no Messenger id yet" };
  const inWindow = g.lastInboundAt && Date.now() - g.lastInboundAt.getTime() < MESSAGING_WINDOW_MS;
  if (!inWindow && !req.template) return { final: true, status: "SKIPPED", error: "outside the 24 h messaging window and no utility template applies" };
  const res = await graph
    .sendMessage({ pageId: creds.pageId, psid: g.psid, message: inWindow ? req.message : req.template!, messagingType: inWindow ? "RESPONSE" : "UTILITY", pageToken: creds.token })
    .catch((error: unknown) => {
      if (error !== null && typeof error === "object") afterGraphCall.add(error);
      throw error;
    });
  return { final: true, status: "SENT", externalId: res.alreadySent ? "already-sent" : res.id };
}

/**
 * The Page's own reply under a comment, if there is one: GET /{comment-id}/comments, the Page as author.
 * A comment gets at most one public reply from the bot (one idempotency key per comment), so any reply
 * by the Page is the one an earlier try posted. Reads at most a few pages of replies.
 */
async function findPageReply(graph: ReturnType<typeof graphClient>, { commentId, pageId, pageToken }: { commentId: string; pageId: string; pageToken: string }): Promise<string | null> {
  let after: string | null = null;
  for (let page = 0; page < 5; page++) {
    const listed = await graph.listComments({ objectId: commentId, pageToken, after, limit: 100 });
    const mine = listed.comments.find((c) => c.from?.id === pageId);
    if (mine) return mine.id;
    if (!listed.next) return null;
    after = listed.after;
  }
  return null;
}

/**
 * findPageReply, looked up again every 2 s while an earlier try that recorded nothing may still post the
 * reply (`inFlightMs` from the claim; null: that try has ended). Null: not on the Page once the window is
 * over and this try has taken the claim over — two retries that waited out the same window do not both
 * post: the one that takes over second waits a new window for the first one's reply. A message another
 * try recorded meanwhile answers what that try recorded.
 */
async function findPageReplyWhileInFlight(graph: ReturnType<typeof graphClient>, where: Parameters<typeof findPageReply>[1], claim: Pick<ClaimRow, "id" | "inFlightMs">): Promise<Outcome | null> {
  const sent = (externalId: string): Outcome => ({ final: true, status: "SENT", externalId, onlyIfPending: true });
  if (claim.inFlightMs === null) {
    const existing = await findPageReply(graph, where);
    return existing ? sent(existing) : null;
  }
  let until = Date.now() + claim.inFlightMs;
  for (;;) {
    const existing = await findPageReply(graph, where);
    if (existing) return sent(existing);
    const left = until - Date.now();
    if (left > 0) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, left)));
      continue;
    }
    const taken = await takeOverClaim(claim.id);
    if (taken === "taken") return null;
    if (taken !== "busy") return taken.status === "SENT" && taken.externalId ? sent(taken.externalId) : { final: true, status: taken.status, error: taken.error ?? undefined, onlyIfPending: true };
    until = Date.now() + PUBLIC_REPLY_IN_FLIGHT_SECONDS * 1000;
  }
}

/**
 * The claim of a public reply whose earlier try has ended (it recorded an error, or its in-flight window is
 * over) becomes this try's. "busy": another try claimed it more recently; or what a try recorded meanwhile.
 */
async function takeOverClaim(messageId: string): Promise<"taken" | "busy" | { status: "SENT" | "SKIPPED" | "FAILED"; externalId: string | null; error: string | null }> {
  const taken = await hotPathDb.$executeRaw`
    UPDATE outbound_messages SET "claimedAt" = now(), error = NULL
    WHERE id = ${messageId} AND status = 'PENDING' AND NOT public_reply_in_flight(kind, status, error, "claimedAt", ${PUBLIC_REPLY_IN_FLIGHT_SECONDS})`;
  if (taken > 0) return "taken";
  const [row] = await hotPathDb.$queryRaw<{ status: MessageStatus; externalId: string | null; error: string | null }[]>`
    SELECT status::text AS status, "externalId", error FROM outbound_messages WHERE id = ${messageId}`;
  return !row || row.status === "PENDING" ? "busy" : { status: row.status, externalId: row.externalId, error: row.error };
}

function guardReason(req: OutboundRequest, g: Guards | undefined): string | null {
  if (!g || g.suspended) return "store suspended";
  if (g.optedOut) return "buyer opted out";
  if (!req.manual && g.botEnabled === false) return KILL_SWITCH_REASON;
  if (!req.manual && g.paused) return "manual takeover: bot paused for this buyer";
  if (req.kind !== "PUBLIC_REPLY" && g.publicOnly) return "Meta blocked messaging for this page: public replies only";
  return null;
}

/**
 * One statement: every result (or, for a retry, the error), usage counted, the buyer's PSID learned, and
 * the comment completed when asked. Dashboards are told after the commit.
 *
 * Committed asynchronously (no wait for the WAL flush; the claim before the send stays synchronous).
 * Only a crash of PostgreSQL itself can lose an asynchronous commit, and then the message is left
 * PENDING under its claimed key — exactly the state a crash of this process between the Graph call and
 * this statement leaves, which a retry already handles (Meta answers a second private reply to the same
 * comment with "already sent"). The next synchronous commit of any session flushes it, so the window
 * is a few milliseconds under load and at most wal_writer_delay when idle. That retry exists only if the
 * step is not memoised as done by then: true on the local driver (the job's own commit is synchronous),
 * not under Inngest, where this statement therefore commits synchronously (see stepCommitMode).
 */
async function record(
  reqs: readonly OutboundRequest[],
  claims: readonly ClaimRow[],
  outcomes: readonly (Outcome | null)[],
  completion: (Omit<CommentCompletion, "status"> & { status: CommentCompletion["status"] | "PAUSED"; dmSent: boolean }) | null,
) {
  type ResultRow = { id: string; final: boolean; status: string | null; externalId: string | null; error: string | null; storeId: string; buyerId: string | null; psid: string | null; onlyIfPending: boolean };
  const rows = outcomes.flatMap((o, i): ResultRow[] => {
    if (!o) return [];
    const req = reqs[i]!;
    return o.final
      ? [{ id: claims[i]!.id, final: true, status: o.status, externalId: o.externalId ?? null, error: o.error ?? null, storeId: req.storeId, buyerId: req.buyerId ?? null, psid: o.psid ?? null, onlyIfPending: o.onlyIfPending ?? false }]
      : [{ id: claims[i]!.id, final: false, status: null, externalId: null, error: o.error, storeId: req.storeId, buyerId: req.buyerId ?? null, psid: null, onlyIfPending: false }];
  });
  const [done] = await hotPathDb.$queryRaw<{ storeId: string | null; liveId: string | null; receivedAt: Date | null }[]>`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS t(id text, final boolean, status text, "externalId" text, error text, "storeId" text, "buyerId" text, psid text, "onlyIfPending" boolean)
    ), m AS (
      UPDATE outbound_messages o SET
        status = CASE WHEN r.final THEN r.status::"MessageStatus" ELSE o.status END,
        "externalId" = CASE WHEN r.final THEN r."externalId" ELSE o."externalId" END,
        error = r.error,
        "sentAt" = CASE WHEN NOT r.final THEN o."sentAt" WHEN r.status = 'SENT' THEN now() ELSE NULL END
      FROM r WHERE o.id = r.id AND (NOT r."onlyIfPending" OR o.status = 'PENDING') RETURNING o.id
    ), u AS (
      INSERT INTO usage_counters ("storeId", period, slot, messages)
      SELECT r."storeId", ${usagePeriod()}, ${usageSlot()}, count(*)::int FROM r WHERE r.final AND r.status = 'SENT' GROUP BY r."storeId"
      ON CONFLICT ("storeId", period, slot) DO UPDATE SET messages = usage_counters.messages + EXCLUDED.messages RETURNING 1
    ), b AS (
      UPDATE buyers SET psid = r.psid FROM r WHERE buyers.id = r."buyerId" AND r.psid IS NOT NULL AND buyers.psid IS NULL RETURNING 1
    ), c AS (
      UPDATE comments SET status = ${completion?.status ?? "PROCESSED"}::"CommentStatus", "processedAt" = now(),
        "dmSentAt" = CASE WHEN ${completion?.dmSent ?? false}::boolean THEN now() ELSE "dmSentAt" END
      WHERE id = ${completion?.commentId ?? null}::text RETURNING "storeId", "liveId", coalesce("resumedAt", "receivedAt") AS "receivedAt"
    )
    SELECT c."storeId", c."liveId", c."receivedAt", (SELECT count(*) FROM m)::int AS m, (SELECT count(*) FROM u)::int AS u, (SELECT count(*) FROM b)::int AS b,
      set_config('synchronous_commit', ${stepCommitMode()}, true) AS "asyncCommit"
    FROM (SELECT 1) one LEFT JOIN c ON true`;

  const m = metrics();
  if (completion?.dmSent && done?.receivedAt) m.commentToDm.observe(Math.max(0, Date.now() - done.receivedAt.getTime()) / 1000);
  outcomes.forEach((o, i) => {
    if (!o?.final) return;
    const req = reqs[i]!;
    if (o.status === "SENT") m.messagesSent.inc({ kind: req.kind.toLowerCase() });
    publishStoreEvent(req.storeId, { type: "message.sent", messageId: claims[i]!.id, commentId: req.commentId ?? null, orderId: req.orderId ?? null });
  });
  if (completion && done?.storeId) publishStoreEvent(done.storeId, { type: "comment.processed", commentId: completion.commentId, liveId: done.liveId });
}

/** Meta codes 10/2022: the page may not message. Switch to public-reply fallback and alert the seller. */
async function markPageBlocked(storeId: string, liveId: string | null, error: MetaMessagingBlockedError) {
  await prisma.$transaction(async (tx) => {
    await tx.store.update({ where: { id: storeId }, data: { messagingMode: "PUBLIC_ONLY", messagingBlockedAt: new Date(), messagingBlockReason: `${error.code}: ${error.message}`.slice(0, 300) } });
    await recordAudit(tx, { storeId, actorType: "SYSTEM", action: "meta.messaging_blocked", entityType: "store", entityId: storeId, data: { code: error.code, liveId } });
  });
  publishStoreEvent(storeId, { type: "store.alert", level: "error", code: "messaging_blocked", message: "Meta blocked private messages for this Page. The bot now only replies publicly; check the Page's messaging status in Meta Business Suite." });
}
