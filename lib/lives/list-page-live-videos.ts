import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, conflict } from "@/lib/http/errors";
import { MetaAuthError } from "@/lib/meta/errors";
import { listPageLiveVideos } from "@/lib/meta/page-live-videos";
import { getPageAccessToken } from "@/lib/stores/stores";
import { markPageDisconnected } from "@/lib/messaging/mark-page-disconnected";
import { logger } from "@/lib/observability/logger";
import type { z } from "zod";
import type { pageLiveVideoOutput } from "./schemas";

/**
 * The live videos of the store's Page the seller can pick for the bot to listen to (on air now or
 * scheduled), each with the live already following it, if any. Asks Meta (GET /{page-id}/live_videos)
 * every time: the list changes by the minute. A token Meta refuses marks the Page disconnected.
 */
export async function listPickableLiveVideos({ storeId }: { storeId: string }): Promise<z.infer<typeof pageLiveVideoOutput>[]> {
  const creds = await getPageAccessToken(storeId);
  if (!creds) throw conflict("page_missing", "Connect the store's Facebook Page first");
  if (creds.disconnected) throw conflict("meta_disconnected", "Facebook disconnected this Page: reconnect it to list its live videos");
  let videos;
  try {
    videos = await listPageLiveVideos({ graphApiUrl: env().META_GRAPH_API_URL, pageId: creds.pageId, pageToken: creds.token });
  } catch (err) {
    if (err instanceof MetaAuthError) {
      await markPageDisconnected({ storeId, reason: err.message.slice(0, 300) });
      throw conflict("meta_disconnected", "Facebook disconnected this Page: reconnect it to list its live videos");
    }
    logger.warn({ store_id: storeId, err: err instanceof Error ? err.message : String(err) }, "listing the Page's live videos failed");
    throw new AppError(502, "graph_unavailable", "Facebook did not answer: try again in a moment, or enter the video id");
  }
  const lives = videos.length ? await prisma.live.findMany({ where: { storeId, fbVideoId: { in: videos.map((v) => v.id) } }, select: { id: true, fbVideoId: true, status: true } }) : [];
  const byVideo = new Map(lives.map((l) => [l.fbVideoId, l]));
  return videos.map((v) => {
    const live = byVideo.get(v.id);
    return {
      fb_video_id: v.id,
      fb_post_id: `${creds.pageId}_${v.id}`,
      title: v.title,
      status: v.status,
      created_at: v.createdAt,
      started_at: v.startedAt,
      permalink_url: v.permalinkUrl,
      live_id: live?.id ?? null,
      live_status: live ? (live.status.toLowerCase() as "scheduled" | "active" | "ended") : null,
    };
  });
}
