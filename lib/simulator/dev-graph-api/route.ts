// Which endpoint family answers a request, after the token checks Meta makes (OAuth needs none,
// debug_token takes the app token, everything else a valid, unrevoked token).

import { handleCommentReply, listComments } from "./comments";
import { handleMessages } from "./messaging";
import { handleDebugToken, handleMe, handleOAuth } from "./oauth";
import { handleLiveVideos, handleSubscribedApps } from "./pages";
import { fail, type Handled } from "./replies";
import { ROUTE } from "./request";
import type { FakeGraphState } from "./state";
import type { FakeGraphCall } from "./types";

const PAGE_EDGE = /^\/([^/]+)\/(live_videos|subscribed_apps)$/;

export function route(state: FakeGraphState, method: string, path: string, body: Record<string, unknown>, token: string | null, facts: Partial<FakeGraphCall>, query = new URLSearchParams()): Handled {
  if (method === "GET" && path === "/oauth/access_token") return handleOAuth(state, query, { ...facts, kind: "oauth" });
  if (token === null) return fail(state, { status: 400, code: 104, message: "An access token is required to request this resource." }, facts);
  if (method === "GET" && path === "/debug_token") return handleDebugToken(state, query, token, { ...facts, kind: "debug_token" });
  if (!state.acceptToken(token) || state.revoked.has(token)) return fail(state, { status: 400, code: 190, message: state.revoked.has(token) ? "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons." : "Invalid OAuth access token." }, facts);
  if (method === "GET" && (path === "/me/accounts" || path === "/me/permissions")) return handleMe(state, path, token, facts);
  const edge = PAGE_EDGE.exec(path);
  if (edge && method === "GET" && edge[2] === "live_videos") return handleLiveVideos(state, decodeURIComponent(edge[1]!), query, { ...facts, kind: "live_videos", pageId: decodeURIComponent(edge[1]!) });
  if (edge && method === "POST" && edge[2] === "subscribed_apps") return handleSubscribedApps(state, decodeURIComponent(edge[1]!), token, facts);
  const m = ROUTE.exec(path);
  if (method === "GET" && m && m[2] === "comments") return listComments(state, decodeURIComponent(m[1]!), query, { ...facts, kind: "comments_list" });
  if (method === "POST" && m) {
    const id = decodeURIComponent(m[1]!);
    if (m[2] === "messages") {
      state.pageOfToken.set(token, id);
      return handleMessages(state, id, body, facts);
    }
    return handleCommentReply(state, id, body, facts, token);
  }
  return fail(state, {
    status: 400,
    code: 100,
    subcode: 33,
    type: "GraphMethodException",
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${path.split("/")[1] ?? ""}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  });
}
