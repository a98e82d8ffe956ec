
import { prisma } from "@/lib/db";
import type { MetaMessage } from "@/lib/meta/messages";
import { MetaApiError, MetaMessagingBlockedError, isRetryableMetaError } from "@/lib/meta/errors";
import { STORE_EVENTS_CHANNEL, notifyStore } from "@/lib/realtime/notify";
import { recordAudit } from "@/lib/audit/record-audit";
import { usagePeriod, usageSlot } from "@/lib/billing/plans";
import { graphClient, pageCredentials } from "./graph";

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

export type OutboundResult = { status: "SENT" | "SKIPPED" | "FAILED"; messageId: string; reason?: string; duplicate: boolean };

type Row = { id: string; status: "PENDING" | "SENT" | "SKIPPED" | "FAILED"; error: string | null };
type GuardRow = { suspended: boolean; publicOnly: boolean; botEnabled: boolean | null; optedOut: boolean | null; paused: boolean | null; psid: string | null; lastInboundAt: Date | null };

/**
 * Sends one message to Meta at most once per idempotency key, after re-reading every guard (kill switch,
 * opt-out, manual takeover, page blocked, 24 h window) at the moment of sending. Rate limits and outages
 * throw, so the job retries later with the same key; permanent refusals are recorded as FAILED.
 * On the hot path: three statements per message (claim the key, read the guards, record the result).
 */
export async function sendOutbound(req: OutboundRequest): Promise<OutboundResult> {
  const recipient = req.kind === "DM" ? `buyer:${req.buyerId}` : `comment:${req.metaCommentId}`;
  const body = JSON.stringify(req.kind === "PUBLIC_REPLY" ? { message: req.text } : { message: req.message });
  const [inserted] = await prisma.$queryRaw<Row[]>`
    INSERT INTO outbound_messages (id, "storeId", "buyerId", "commentId", "orderId", kind, purpose, "idempotencyKey", recipient, body, attempts)
    VALUES (gen_random_uuid()::text, ${req.storeId}, ${req.buyerId ?? null}, ${req.commentId ?? null}, ${req.orderId ?? null}, ${req.kind}::"MessageKind", ${req.purpose}, ${req.idempotencyKey}, ${recipient}, ${body}::jsonb, 1)
    ON CONFLICT ("idempotencyKey") DO UPDATE SET attempts = outbound_messages.attempts + 1
    RETURNING id, status, error`;
  const row = inserted!;
  if (row.status !== "PENDING") return { status: row.status, messageId: row.id, duplicate: true, reason: row.error ?? undefined };

  const [g] = await prisma.$queryRaw<GuardRow[]>`
    SELECT s."suspendedAt" IS NOT NULL AS suspended, s."messagingMode" = 'PUBLIC_ONLY' AS "publicOnly",
      l."botEnabled", (b."optedOutAt" IS NOT NULL OR b."erasedAt" IS NOT NULL) AS "optedOut", b."botPausedAt" IS NOT NULL AS paused,
      b.psid, b."lastInboundAt"
    FROM stores s
    LEFT JOIN lives l ON l.id = ${req.liveId ?? null}
    LEFT JOIN buyers b ON b.id = ${req.buyerId ?? null}
    WHERE s.id = ${req.storeId}`;
  const skipReason = guardReason(req, g);
  if (skipReason) return finish(row.id, req, { status: "SKIPPED", error: skipReason });
  const creds = await pageCredentials(req.storeId);
  if (!creds) return finish(row.id, req, { status: "FAILED", error: "Facebook Page not connected" });

  const graph = graphClient();
  try {
    if (req.kind === "PUBLIC_REPLY") {
      const res = await graph.replyToComment({ commentId: req.metaCommentId, message: req.text, pageToken: creds.token });
      return finish(row.id, req, { status: "SENT", externalId: res.id });
    }
    if (req.kind === "PRIVATE_REPLY") {
      const res = await graph.sendPrivateReply({ pageId: creds.pageId, commentId: req.metaCommentId, message: req.message, pageToken: creds.token });
      // Meta answers with the buyer's page-scoped id: later DMs (reminders, receipts) go to it.
      const psid = !res.alreadySent && res.recipientId && req.buyerId && !g?.psid ? res.recipientId : null;
      return finish(row.id, req, { status: "SENT", externalId: res.alreadySent ? "already-sent" : res.id, psid });
    }
    if (!g?.psid) return finish(row.id, req, { status: "SKIPPED", error: "buyer has no Messenger id yet" });
    const inWindow = g.lastInboundAt && Date.now() - g.lastInboundAt.getTime() < MESSAGING_WINDOW_MS;
    if (!inWindow && !req.template) return finish(row.id, req, { status: "SKIPPED", error: "outside the 24 h messaging window and no utility template applies" });
    const res = await graph.sendMessage({
      pageId: creds.pageId,
      psid: g.psid,
      message: inWindow ? req.message : req.template!,
      messagingType: inWindow ? "RESPONSE" : "UTILITY",
      pageToken: creds.token,
    });
    return finish(row.id, req, { status: "SENT", externalId: res.alreadySent ? "already-sent" : res.id });
  } catch (error) {
    if (isRetryableMetaError(error)) {
      await prisma.outboundMessage.update({ where: { id: row.id }, data: { error: error.message.slice(0, 500) } });
      throw error; // the job retries with backoff; the row stays PENDING with the same key
    }
    if (error instanceof MetaMessagingBlockedError && error.scope === "page") await markPageBlocked(req.storeId, req.liveId ?? null, error);
    if (error instanceof MetaApiError) return finish(row.id, req, { status: "FAILED", error: `${error.code}: ${error.message}`.slice(0, 500) });
    throw error;
  }
}

function guardReason(req: OutboundRequest, g: GuardRow | undefined): string | null {
  if (!g || g.suspended) return "store suspended";
  if (g.optedOut) return "buyer opted out";
  if (!req.manual && g.botEnabled === false) return "kill switch: bot disabled for this live";
  if (!req.manual && g.paused) return "manual takeover: bot paused for this buyer";
  if (req.kind !== "PUBLIC_REPLY" && g.publicOnly) return "Meta blocked messaging for this page: public replies only";
  return null;
}

/** Records the result, counts usage, learns the buyer's PSID and tells the dashboards — one statement. */
async function finish(id: string, req: OutboundRequest, result: { status: "SENT" | "SKIPPED" | "FAILED"; externalId?: string; error?: string; psid?: string | null }): Promise<OutboundResult> {
  const sent = result.status === "SENT";
  const event = JSON.stringify({ storeId: req.storeId, type: "message.sent", messageId: id, commentId: req.commentId ?? null, orderId: req.orderId ?? null, at: Date.now() });
  await prisma.$executeRaw`
    WITH m AS (
      UPDATE outbound_messages SET status = ${result.status}::"MessageStatus", "externalId" = ${result.externalId ?? null}, error = ${result.error ?? null},
        "sentAt" = CASE WHEN ${sent} THEN now() ELSE NULL END
      WHERE id = ${id} RETURNING id
    ), u AS (
      INSERT INTO usage_counters ("storeId", period, slot, messages) SELECT ${req.storeId}, ${usagePeriod()}, ${usageSlot()}, 1 WHERE ${sent}
      ON CONFLICT ("storeId", period, slot) DO UPDATE SET messages = usage_counters.messages + 1 RETURNING 1
    ), b AS (
      UPDATE buyers SET psid = ${result.psid ?? null} WHERE id = ${req.buyerId ?? null} AND ${result.psid ?? null}::text IS NOT NULL AND psid IS NULL RETURNING 1
    )
    SELECT pg_notify(${STORE_EVENTS_CHANNEL}, ${event}), (SELECT count(*) FROM m), (SELECT count(*) FROM u), (SELECT count(*) FROM b)`;
  return { status: result.status, messageId: id, reason: result.error, duplicate: false };
}

/** Meta codes 10/2022: the page may not message. Switch to public-reply fallback and alert the seller. */
async function markPageBlocked(storeId: string, liveId: string | null, error: MetaMessagingBlockedError) {
  await prisma.$transaction(async (tx) => {
    await tx.store.update({ where: { id: storeId }, data: { messagingMode: "PUBLIC_ONLY", messagingBlockedAt: new Date(), messagingBlockReason: `${error.code}: ${error.message}`.slice(0, 300) } });
    await recordAudit(tx, { storeId, actorType: "SYSTEM", action: "meta.messaging_blocked", entityType: "store", entityId: storeId, data: { code: error.code, liveId } });
  });
  await notifyStore(storeId, { type: "store.alert", level: "error", code: "messaging_blocked", message: "Meta blocked private messages for this Page. The bot now only replies publicly; check the Page's messaging status in Meta Business Suite." });
}

