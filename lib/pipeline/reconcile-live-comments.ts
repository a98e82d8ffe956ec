import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import type { MetaCommentEvent } from "@/lib/meta/webhook";
import { MetaAuthError } from "@/lib/meta/errors";
import { graphClient, pageCredentials } from "@/lib/messaging/graph";
import { markPageDisconnected } from "@/lib/messaging/mark-page-disconnected";
import { metrics } from "@/lib/observability/metrics";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { ingestMetaEvents } from "./ingest-meta-events";

/** At most this many pages of 100 comments per read: a huge backlog is caught up over the next rounds. */
const MAX_PAGES_PER_READ = 20;
/** No comment from the webhook for this long while reading finds some: Meta's delivery is interrupted. */
const WEBHOOK_SILENCE_MS = 60_000;

/**
 * Zero missed comments: reads the live video's comments (and its post's, when set) through the Graph
 * API from where the last read stopped; any comment the webhook never delivered enters the same inbox
 * (the unique comment id keeps it exactly once) marked `recovered`, and is processed like any other.
 * Graph rate limits back off inside the client (codes 4/17/32/613); error 190 disconnects the Page.
 */
export async function reconcileLiveComments({ liveId }: { liveId: string }): Promise<{ recovered: number; read: number; skipped?: string }> {
  const live = await prisma.live.findUnique({ where: { id: liveId }, select: { id: true, storeId: true, fbVideoId: true, fbPostId: true, reconcileCursors: true, store: { select: { fbPageId: true } } } });
  const pageId = live?.store.fbPageId;
  if (!live || !pageId) return { recovered: 0, read: 0, skipped: "no live or no Page" };
  const creds = await pageCredentials(live.storeId);
  if (!creds || creds.disconnected) return { recovered: 0, read: 0, skipped: "Page not connected" };

  const cursors = { ...(live.reconcileCursors as Record<string, string>) };
  const objects = [...new Set([live.fbVideoId, live.fbPostId].filter((o): o is string => Boolean(o)))];
  let recovered = 0;
  let read = 0;
  try {
    for (const objectId of objects) {
      for (let page = 0; page < MAX_PAGES_PER_READ; page++) {
        const listed = await graphClient().listComments({ objectId, pageToken: creds.token, after: cursors[objectId] ?? null });
        read += listed.comments.length;
        const events: MetaCommentEvent[] = listed.comments
          .filter((c) => c.from?.id !== pageId) // the bot's own public replies
          .map((c) => ({
            type: "comment",
            pageId,
            commentId: c.id,
            postId: objectId === live.fbPostId ? objectId : `${pageId}_${live.fbVideoId}`,
            videoId: live.fbVideoId,
            ...(c.parentId ? { parentId: c.parentId } : {}),
            from: c.from ? { id: c.from.id, name: c.from.name ?? "" } : null,
            message: c.message,
            createdTime: new Date(c.created_time),
          }));
        if (events.length) recovered += (await ingestMetaEvents(events, { recovered: true })).comments;
        if (listed.after) cursors[objectId] = listed.after;
        if (!listed.next) break;
      }
    }
  } catch (error) {
    if (error instanceof MetaAuthError) {
      await markPageDisconnected({ storeId: live.storeId, reason: `${error.code}: ${error.message}`.slice(0, 300) });
      return { recovered, read, skipped: "Page disconnected" };
    }
    throw error;
  } finally {
    await prisma.live.update({ where: { id: live.id }, data: { reconcileCursors: cursors as Prisma.InputJsonValue, reconciledAt: new Date() } });
  }
  if (recovered > 0) {
    metrics().commentsIngested.inc(recovered);
    const lastDelivered = await prisma.comment.findFirst({ where: { liveId, recovered: false }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } });
    if (!lastDelivered || Date.now() - lastDelivered.receivedAt.getTime() > WEBHOOK_SILENCE_MS) {
      publishStoreEvent(live.storeId, { type: "store.alert", level: "warning", code: "webhook_silent", message: `Meta's webhook has delivered no comment for a minute, but ${recovered} were found by reading the live: they are being answered. Check the app's webhook subscription in Meta for Developers.` });
    }
  }
  return { recovered, read };
}
