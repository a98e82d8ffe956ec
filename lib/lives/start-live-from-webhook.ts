import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/observability/logger";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { createLive } from "./lives";

/**
 * Meta says a video of the store's Page went live: start a live for it with the bot on, when the store
 * lets lives start themselves (`auto_start_lives`) and its Page connection works. A video that already
 * has a live (started by hand, or a redelivered webhook) is left alone.
 */
export async function startLiveFromWebhook({ storeId, pageId, videoId }: { storeId: string; pageId: string; videoId: string }) {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { autoStartLives: true, locale: true, timezone: true, suspendedAt: true, metaConnection: { select: { disconnectedAt: true } } } });
  if (!store?.autoStartLives || store.suspendedAt || !store.metaConnection || store.metaConnection.disconnectedAt) return null;
  const exists = await prisma.live.findUnique({ where: { storeId_fbVideoId: { storeId, fbVideoId: videoId } }, select: { id: true } });
  if (exists) return null;
  const day = new Intl.DateTimeFormat(store.locale, { timeZone: store.timezone, dateStyle: "medium", timeStyle: "short" }).format(new Date());
  try {
    return await createLive({ input: { store_id: storeId, fb_video_id: videoId, fb_post_id: `${pageId}_${videoId}`, title: `Facebook Live · ${day}` }, actorId: null, actorType: "WEBHOOK" });
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return null; // the same delivery, twice at once
    if (error instanceof AppError) {
      logger.warn({ store_id: storeId, code: error.code }, "a live video started but its live could not be started");
      publishStoreEvent(storeId, { type: "store.alert", level: "error", code: "live_not_started", message: `A live started on Facebook but the bot could not follow it: ${error.message}` });
      return null;
    }
    throw error;
  }
}
