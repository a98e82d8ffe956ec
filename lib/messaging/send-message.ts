import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import type { MetaMessage } from "@/lib/meta/messages";
import { MetaApiError, MetaMessagingBlockedError, isRetryableMetaError } from "@/lib/meta/errors";
import { notifyStore } from "@/lib/realtime/notify";
import { recordAudit } from "@/lib/audit/record-audit";
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

/**
 * Sends one message to Meta at most once per idempotency key, after re-reading every guard (kill switch,
 * opt-out, manual takeover, page blocked, 24 h window) at the moment of sending. Rate limits and outages
 * throw, so the job retries later with the same key; permanent refusals are recorded as FAILED.
 */
export async function sendOutbound(req: OutboundRequest): Promise<OutboundResult> {
  const recipient = req.kind === "DM" ? `buyer:${req.buyerId}` : `comment:${req.metaCommentId}`;
  const body = (req.kind === "PUBLIC_REPLY" ? { message: req.text } : { message: req.message }) as Prisma.InputJsonValue;
  await prisma.outboundMessage.createMany({
    data: [{ storeId: req.storeId, buyerId: req.buyerId ?? null, commentId: req.commentId ?? null, orderId: req.orderId ?? null, kind: req.kind, purpose: req.purpose, idempotencyKey: req.idempotencyKey, recipient, body }],
    skipDuplicates: true,
  });
  const row = await prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: req.idempotencyKey } });
  if (row.status !== "PENDING") return { status: row.status, messageId: row.id, duplicate: true, reason: row.error ?? undefined };

  const skip = async (reason: string) => finish(row.id, req, { status: "SKIPPED", error: reason });
  const guard = await checkGuards(req);
  if (guard) return skip(guard);
  const creds = await pageCredentials(req.storeId);
  if (!creds) return finish(row.id, req, { status: "FAILED", error: "Facebook Page not connected" });

  await prisma.outboundMessage.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
  const graph = graphClient();
  try {
    if (req.kind === "PUBLIC_REPLY") {
      const res = await graph.replyToComment({ commentId: req.metaCommentId, message: req.text, pageToken: creds.token });
      return finish(row.id, req, { status: "SENT", externalId: res.id });
    }
    if (req.kind === "PRIVATE_REPLY") {
      const res = await graph.sendPrivateReply({ pageId: creds.pageId, commentId: req.metaCommentId, message: req.message, pageToken: creds.token });
      // Meta answers with the buyer's page-scoped id: later DMs (reminders, receipts) go to it.
      if (!res.alreadySent && res.recipientId && req.buyerId) {
        await prisma.buyer.updateMany({ where: { id: req.buyerId, psid: null }, data: { psid: res.recipientId } });
      }
      return finish(row.id, req, { status: "SENT", externalId: res.alreadySent ? "already-sent" : res.id });
    }
    const buyer = req.buyerId ? await prisma.buyer.findUnique({ where: { id: req.buyerId } }) : null;
    if (!buyer?.psid) return skip("buyer has no Messenger id yet");
    const inWindow = buyer.lastInboundAt && Date.now() - buyer.lastInboundAt.getTime() < MESSAGING_WINDOW_MS;
    if (!inWindow && !req.template) return skip("outside the 24 h messaging window and no utility template applies");
    const res = await graph.sendMessage({
      pageId: creds.pageId,
      psid: buyer.psid,
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

async function checkGuards(req: OutboundRequest): Promise<string | null> {
  const [live, buyer, store] = await Promise.all([
    req.liveId ? prisma.live.findUnique({ where: { id: req.liveId }, select: { botEnabled: true } }) : null,
    req.buyerId ? prisma.buyer.findUnique({ where: { id: req.buyerId }, select: { optedOutAt: true, botPausedAt: true, erasedAt: true } }) : null,
    prisma.store.findUnique({ where: { id: req.storeId }, select: { messagingMode: true, suspendedAt: true } }),
  ]);
  if (!store || store.suspendedAt) return "store suspended";
  if (buyer?.optedOutAt || buyer?.erasedAt) return "buyer opted out";
  if (!req.manual && live && !live.botEnabled) return "kill switch: bot disabled for this live";
  if (!req.manual && buyer?.botPausedAt) return "manual takeover: bot paused for this buyer";
  if (req.kind !== "PUBLIC_REPLY" && store.messagingMode === "PUBLIC_ONLY") return "Meta blocked messaging for this page: public replies only";
  return null;
}

async function finish(id: string, req: OutboundRequest, result: { status: "SENT" | "SKIPPED" | "FAILED"; externalId?: string; error?: string }): Promise<OutboundResult> {
  await prisma.outboundMessage.update({
    where: { id },
    data: { status: result.status, externalId: result.externalId ?? null, error: result.error ?? null, sentAt: result.status === "SENT" ? new Date() : null },
  });
  if (result.status === "SENT") {
    const period = new Date().toISOString().slice(0, 7);
    await prisma.$executeRaw`INSERT INTO usage_counters ("storeId", period, messages) VALUES (${req.storeId}, ${period}, 1)
      ON CONFLICT ("storeId", period) DO UPDATE SET messages = usage_counters.messages + 1`;
  }
  await notifyStore(req.storeId, { type: "message.sent", messageId: id, commentId: req.commentId ?? null, orderId: req.orderId ?? null });
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
