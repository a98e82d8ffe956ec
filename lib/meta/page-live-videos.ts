import { z } from "zod";
import { graphJson } from "./graph-json";

/** Statuses of a live video the bot can listen to: on air now, or scheduled (it listens from the start). */
const PICKABLE_STATUSES = ["LIVE", "SCHEDULED_UNPUBLISHED", "SCHEDULED_LIVE", "UNPUBLISHED"] as const;

const liveVideosBody = z.object({
  data: z.array(z.object({
    id: z.string().min(1),
    title: z.string().optional(),
    status: z.string(),
    creation_time: z.string().optional(),
    broadcast_start_time: z.string().optional(),
    permalink_url: z.string().optional(),
  })),
});

export type PageLiveVideo = { id: string; title: string | null; status: "live" | "scheduled"; createdAt: string | null; startedAt: string | null; permalinkUrl: string | null };

/**
 * The Page's current and scheduled live videos: GET /{page-id}/live_videos with `broadcast_status` (an
 * array, as the edge requires) and the Page token. Live ones first, then scheduled, newest first.
 */
export async function listPageLiveVideos({ graphApiUrl, pageId, pageToken, fetch: doFetch = fetch }: { graphApiUrl: string; pageId: string; pageToken: string; fetch?: typeof fetch }): Promise<PageLiveVideo[]> {
  const url = new URL(`${graphApiUrl.replace(/\/$/, "")}/${encodeURIComponent(pageId)}/live_videos`);
  url.searchParams.set("broadcast_status", JSON.stringify(PICKABLE_STATUSES));
  url.searchParams.set("fields", "id,title,status,creation_time,broadcast_start_time,permalink_url");
  url.searchParams.set("limit", "25");
  const res = await doFetch(url, { headers: { authorization: `Bearer ${pageToken}` }, signal: AbortSignal.timeout(10_000) });
  const { data } = await graphJson(res, liveVideosBody, "Listing the Page's live videos");
  return data
    .filter((v) => (PICKABLE_STATUSES as readonly string[]).includes(v.status))
    .map((v): PageLiveVideo => ({ id: v.id, title: v.title?.trim() || null, status: v.status === "LIVE" ? "live" : "scheduled", createdAt: v.creation_time ?? null, startedAt: v.broadcast_start_time ?? null, permalinkUrl: v.permalink_url ?? null }))
    .sort((a, b) => (a.status === b.status ? 0 : a.status === "live" ? -1 : 1));
}
