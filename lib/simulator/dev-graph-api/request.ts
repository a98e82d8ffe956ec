// Reading a request the way Meta does: the token (header, query or body), the body (JSON or a form whose
// object fields are JSON strings) and, without side effects, what the request is about.

import type { IncomingMessage } from "node:http";
import type { MetaMessage } from "@/lib/meta/messages";
import type { FakeGraphCall } from "./types";

/** POST /{page-id}/messages (Send API, private replies) and /{comment-id}/comments (public replies, comment reads). */
export const ROUTE = /^\/([^/]+)\/(messages|comments)$/;

export function tokenFrom(req: IncomingMessage, query: URLSearchParams, body: Record<string, unknown> | null): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(auth);
    if (m) return m[1]!.trim();
  }
  const q = query.get("access_token");
  if (q) return q;
  const b = body?.access_token;
  return typeof b === "string" && b ? b : null;
}

export function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> | null {
  if (raw === "") return {};
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    // Meta accepts form posts whose object fields are JSON strings.
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(raw)) {
      try {
        out[k] = v.startsWith("{") || v.startsWith("[") ? JSON.parse(v) : v;
      } catch {
        out[k] = v;
      }
    }
    return out;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** What a request is about, without side effects: used for recording even when it fails. */
export function factsFor(method: string, path: string, body: Record<string, unknown> | null): Partial<FakeGraphCall> {
  const m = ROUTE.exec(path);
  if (method !== "POST" || !m || !body) return { kind: "unknown" };
  const id = decodeURIComponent(m[1]!);
  if (m[2] === "comments") {
    return { kind: "comment_reply", commentId: id, ...(typeof body.message === "string" ? { message: body.message } : {}) };
  }
  const recipient = asRecord(body.recipient);
  const message = asRecord(body.message);
  const idOf = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : null);
  const commentId = recipient ? idOf(recipient.comment_id) : null;
  const psid = recipient ? idOf(recipient.id) : null;
  return {
    kind: commentId ? "private_reply" : "message",
    pageId: id,
    ...(commentId ? { commentId } : {}),
    ...(psid ? { psid } : {}),
    ...(typeof body.messaging_type === "string" ? { messagingType: body.messaging_type } : {}),
    ...(message ? { message: message as MetaMessage } : {}),
  };
}
