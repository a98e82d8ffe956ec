// A Page's edges: GET /{page-id}/live_videos (the live-video picker) and POST /{page-id}/subscribed_apps
// (webhook subscription, which also tells the fake which Page the token belongs to).

import { fail, type Handled } from "./replies";
import type { FakeGraphState } from "./state";
import type { FakeGraphCall, FakeLiveVideo } from "./types";

export function addLiveVideo(state: FakeGraphState, pageId: string, video: FakeLiveVideo): void {
  const list = state.liveVideos.get(pageId) ?? [];
  list.push(video);
  state.liveVideos.set(pageId, list);
}

/** GET /{page-id}/live_videos: the Page's live videos, newest first, filtered by `broadcast_status` (a JSON array, as Meta requires). */
export function handleLiveVideos(state: FakeGraphState, pageId: string, query: URLSearchParams, facts: Partial<FakeGraphCall>): Handled {
  let statuses: string[] | null = null;
  const raw = query.get("broadcast_status");
  if (raw) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) throw new Error("not an array");
      statuses = parsed.map(String);
    } catch {
      return fail(state, { status: 400, code: 100, message: "(#100) param broadcast_status must be an array." }, facts);
    }
  }
  const all = [...(state.liveVideos.get(pageId) ?? [])].reverse().filter((v) => !statuses || statuses.includes(v.status));
  const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? "25") || 25));
  return { status: 200, response: { data: all.slice(0, limit), paging: { cursors: { before: "MA", after: Buffer.from(String(Math.min(limit, all.length))).toString("base64url") } } }, facts };
}

/** POST /{page-id}/subscribed_apps: always succeeds; the token is from now on the Page's. */
export function handleSubscribedApps(state: FakeGraphState, pageId: string, token: string, facts: Partial<FakeGraphCall>): Handled {
  state.pageOfToken.set(token, pageId);
  return { status: 200, response: { success: true }, facts: { ...facts, kind: "subscribed_apps", pageId } };
}
