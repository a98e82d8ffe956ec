import { randomBytes } from "node:crypto";
import * as metaWebhook from "@/app/api/webhooks/meta/route";
import { signMetaPayload } from "@/lib/meta/signature";
import { call } from "./api";

export function commentPayload({ pageId, postId, commentId = `c_${randomBytes(6).toString("hex")}`, authorId = String(Date.now()) + randomBytes(2).toString("hex"), authorName = "Carla Pérez", message }: { pageId: string; postId: string; commentId?: string; authorId?: string; authorName?: string; message: string }) {
  return {
    commentId,
    authorId,
    payload: {
      object: "page",
      entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: "feed", value: { item: "comment", verb: "add", comment_id: commentId, post_id: postId, from: { id: authorId, name: authorName }, message, created_time: Math.floor(Date.now() / 1000) } }] }],
    },
  };
}

export function messagePayload({ pageId, psid, text, quickReply }: { pageId: string; psid: string; text?: string; quickReply?: string }) {
  return {
    object: "page",
    entry: [{ id: pageId, time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: pageId }, timestamp: Date.now(), message: { mid: `m_${randomBytes(6).toString("hex")}`, text: text ?? quickReply ?? "", ...(quickReply && { quick_reply: { payload: quickReply } }) } }] }],
  };
}

/** POSTs a payload to the real webhook route, signed like Meta does (or with the signature given). */
export async function postWebhook(payload: unknown, { secret = process.env.META_APP_SECRET!, signature }: { secret?: string; signature?: string | null } = {}) {
  const raw = Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload));
  const headers: Record<string, string> = { "content-type": "application/json" };
  const sig = signature === undefined ? signMetaPayload(raw, secret) : signature;
  if (sig) headers["x-hub-signature-256"] = sig;
  return call(metaWebhook.POST, { path: "/api/webhooks/meta", rawBody: raw, headers });
}
