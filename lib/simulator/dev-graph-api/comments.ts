// Comments: GET /{object-id}/comments (what Meta holds under a live video, or the replies under a comment)
// and POST /{comment-id}/comments (the Page's public reply).

import { fail, type Handled } from "./replies";
import type { FakeGraphState } from "./state";
import type { FakeGraphCall, ListedFakeComment } from "./types";

export function addComment(state: FakeGraphState, objectId: string, comment: ListedFakeComment): void {
  const list = state.listedComments.get(objectId) ?? [];
  list.push(comment);
  state.listedComments.set(objectId, list);
}

/**
 * GET /{object-id}/comments: pages of `limit`, the cursor is the position after the page's last comment.
 * For a comment: its replies, including the ones the Page posted through this fake (author: the Page).
 */
export function listComments(state: FakeGraphState, objectId: string, query: URLSearchParams, facts: Partial<FakeGraphCall>): Handled {
  const replies = (state.commentReplies.get(objectId) ?? []).map((r): ListedFakeComment => ({
    id: r.id,
    message: r.message,
    from: { id: (r.token && state.pageOfToken.get(r.token)) ?? "unknown-page", name: "Page" },
    created_time: new Date(r.time).toISOString(),
  }));
  const all = [...(state.listedComments.get(objectId) ?? []), ...replies];
  const start = Math.max(0, Number(Buffer.from(query.get("after") ?? "", "base64url").toString() || "0") || 0);
  const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? "25") || 25));
  const page = all.slice(start, start + limit);
  const end = start + page.length;
  const after = Buffer.from(String(end)).toString("base64url");
  const next = end < all.length ? `${"https://graph.facebook.com"}/${objectId}/comments?after=${after}` : undefined;
  return { status: 200, response: { data: page, paging: { cursors: { before: Buffer.from(String(start)).toString("base64url"), after }, ...(next && { next }) } }, facts };
}

/** POST /{comment-id}/comments: the Page's public reply, remembered with the token it was posted with. */
export function handleCommentReply(state: FakeGraphState, commentId: string, body: Record<string, unknown>, facts: Partial<FakeGraphCall>, token: string | null): Handled {
  const message = body.message;
  if (typeof message !== "string" || message.trim() === "") {
    return fail(state, { status: 400, code: 100, message: "(#100) Missing message or attachment" }, facts);
  }
  const list = state.commentReplies.get(commentId) ?? [];
  const id = `${commentId}_r${list.length + 1}`;
  list.push({ id, commentId, message, time: Date.now(), token });
  state.commentReplies.set(commentId, list);
  return { status: 200, response: { id }, facts };
}
