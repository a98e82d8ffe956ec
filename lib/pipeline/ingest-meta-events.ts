import type { MetaCommentEvent, MetaLiveStatusEvent, MetaMessageEvent, MetaPostbackEvent, MetaWebhookEvent } from "@/lib/meta/webhook";
import { ingestPrisma as prisma } from "@/lib/db";
import { usagePeriod, usageSlot } from "@/lib/billing/plans";
import { notifyStore } from "@/lib/realtime/notify";
import { jobs } from "@/lib/jobs";
import { endLive } from "@/lib/lives/lives";

type Live = { id: string; storeId: string; fbVideoId: string; fbPostId: string | null; status: string };

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

/**
 * Durably stores what a verified Meta webhook delivered, before Meta gets its 200: comments into the
 * inbox (the unique Meta comment id makes redeliveries no-ops), buyer messages into inbound_messages,
 * and the jobs that process them in the same transaction (outbox). The processing itself runs after.
 */
export async function ingestMetaEvents(events: MetaWebhookEvent[]) {
  const pageIds = [...new Set(events.map((e) => e.pageId))];
  if (pageIds.length === 0) return { comments: 0, messages: 0, ignored: 0 };
  const stores = await prisma.store.findMany({ where: { fbPageId: { in: pageIds } }, select: { id: true, fbPageId: true } });
  const storeByPage = new Map(stores.map((s) => [s.fbPageId!, s.id]));
  const comments = events.filter((e): e is MetaCommentEvent => e.type === "comment" && storeByPage.has(e.pageId));
  const inbound = events.filter((e): e is MetaMessageEvent | MetaPostbackEvent => (e.type === "message" || e.type === "postback") && storeByPage.has(e.pageId));
  const statuses = events.filter((e): e is MetaLiveStatusEvent => e.type === "live_status" && storeByPage.has(e.pageId));
  const lives: Live[] = comments.length
    ? await prisma.live.findMany({ where: { storeId: { in: stores.map((s) => s.id) }, status: "ACTIVE" }, select: { id: true, storeId: true, fbVideoId: true, fbPostId: true, status: true } })
    : [];

  const inserted = await prisma.$transaction(async (tx) => {
    const newComments = comments.length
      ? await tx.comment.createManyAndReturn({
          data: comments.map((c) => {
            const storeId = storeByPage.get(c.pageId)!;
            const live = liveFor(c, lives.filter((l) => l.storeId === storeId));
            return {
              storeId,
              liveId: live?.id ?? null,
              metaCommentId: c.commentId,
              postId: c.postId,
              authorId: c.from?.id ?? `anonymous:${c.commentId}`,
              authorName: c.from?.name ?? "",
              text: c.message.slice(0, 8000),
              createdTime: c.createdTime,
              // Comments on ordinary posts are kept (the seller sees them) but the bot only sells in lives.
              status: live ? ("RECEIVED" as const) : ("SKIPPED" as const),
              reason: live ? null : "not on an active live",
            };
          }),
          skipDuplicates: true,
          select: { id: true, storeId: true, liveId: true, status: true },
        })
      : [];
    const newMessages = inbound.length
      ? await tx.inboundMessage.createManyAndReturn({
          data: inbound.map((m) => ({
            storeId: storeByPage.get(m.pageId)!,
            mid: m.mid ?? `postback:${m.senderId}:${m.timestamp.getTime()}:${m.type === "postback" ? m.payload : ""}`,
            senderId: m.senderId,
            text: (m.type === "message" ? m.text : m.title) ?? "",
            quickReplyPayload: m.type === "message" ? (m.quickReplyPayload ?? null) : m.payload,
            receivedAt: m.timestamp,
          })),
          skipDuplicates: true,
          select: { id: true, storeId: true },
        })
      : [];
    const toProcess = newComments.filter((c) => c.status === "RECEIVED");
    if (toProcess.length || newMessages.length) {
      await jobs.send(
        [
          ...toProcess.map((c) => ({ name: "comment/received" as const, id: `comment:${c.id}`, data: { commentId: c.id, storeId: c.storeId, ...(c.liveId && { liveId: c.liveId }) } })),
          ...newMessages.map((m) => ({ name: "message/received" as const, id: `message:${m.id}`, data: { inboundMessageId: m.id, storeId: m.storeId } })),
        ],
        { tx },
      );
    }
    const perStore = new Map<string, number>();
    for (const c of newComments) perStore.set(c.storeId, (perStore.get(c.storeId) ?? 0) + 1);
    const period = usagePeriod();
    for (const [storeId, n] of perStore) {
      await tx.$executeRaw`INSERT INTO usage_counters ("storeId", period, slot, comments) VALUES (${storeId}, ${period}, ${usageSlot()}, ${n})
        ON CONFLICT ("storeId", period, slot) DO UPDATE SET comments = usage_counters.comments + ${n}`;
    }
    for (const c of newComments) await notifyStore(c.storeId, { type: "comment.received", commentId: c.id, liveId: c.liveId }, tx);
    return { comments: newComments.length, messages: newMessages.length };
  }, { maxWait: 10_000, timeout: 15_000 }); // under overload an ack gets slower, it does not fail

  for (const s of statuses) {
    if (!["live_stopped", "vod", "processing"].includes(s.status)) continue;
    const live = await prisma.live.findFirst({ where: { storeId: storeByPage.get(s.pageId)!, fbVideoId: s.videoId, status: "ACTIVE" } });
    if (live) await endLive({ live, actorType: "WEBHOOK" });
  }
  return { ...inserted, ignored: events.length - comments.length - inbound.length - statuses.length };
}
