import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict, notFound } from "@/lib/http/errors";
import { signMetaPayload } from "@/lib/meta/signature";
import { setMetaPageToken } from "@/lib/stores/stores";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { builtInFakeGraph } from "./built-in-dev-graph-api";

export function simulatorEnabled() {
  return env().FAKE_GRAPH || env().SIMULATOR;
}

/** A stable fake Facebook user per simulated buyer name, so repeated comments are the same buyer. */
function simulatedAuthorId(name: string) {
  return String(BigInt(`0x${createHash("sha256").update(`sim:${name.trim().toLowerCase()}`).digest("hex").slice(0, 13)}`));
}

/** Connects the store to a simulator Page (a numeric id and a development token) if it has none. */
export async function ensureSimulatorPage({ storeId, actorId }: { storeId: string; actorId: string }) {
  const store = await prisma.store.findUniqueOrThrow({ where: { id: storeId }, include: { metaConnection: true } });
  if (store.metaConnection) return { pageId: store.metaConnection.pageId };
  const pageId = store.fbPageId ?? String(900000000000000 + Math.floor(Math.random() * 99999999999));
  await setMetaPageToken({ storeId, actorId, input: { page_id: pageId, page_access_token: `SIMULATOR-${randomBytes(16).toString("hex")}`, page_name: `${store.name} (simulator)` } });
  forgetPageCredentials(storeId);
  return { pageId };
}

async function postSignedWebhook(payload: unknown) {
  const raw = Buffer.from(JSON.stringify(payload));
  const url = `http://127.0.0.1:${env().PORT}/api/webhooks/meta`;
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": signMetaPayload(raw, env().META_APP_SECRET) }, body: raw });
  if (!res.ok) throw conflict("webhook_rejected", `The webhook answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Posts a comment as a fake buyer through the real signed Meta webhook. */
export async function simulateComment({ liveId, authorName, text }: { liveId: string; authorName: string; text: string }) {
  const live = await prisma.live.findUnique({ where: { id: liveId }, include: { store: { include: { metaConnection: true } } } });
  if (!live) throw notFound("Live");
  const pageId = live.store.metaConnection?.pageId ?? live.store.fbPageId;
  if (!pageId) throw conflict("page_missing", "Connect a Facebook Page (or the simulator Page) first");
  const authorId = simulatedAuthorId(authorName);
  const commentId = `${live.fbVideoId}_${Date.now()}${randomBytes(3).toString("hex")}`;
  // The fake Graph reports this buyer's PSID for private replies, as Meta would for a real person.
  const fake = await builtInFakeGraph();
  fake?.registerCommentAuthor({ commentId, psid: `psid_${authorId}` });
  await postSignedWebhook({
    object: "page",
    entry: [{
      id: pageId,
      time: Math.floor(Date.now() / 1000),
      changes: [{ field: "feed", value: { item: "comment", verb: "add", comment_id: commentId, post_id: live.fbPostId ?? `${pageId}_${live.fbVideoId}`, from: { id: authorId, name: authorName }, message: text, created_time: Math.floor(Date.now() / 1000) } }],
    }],
  });
  return { comment_id: commentId, author_id: authorId };
}

/** The buyer answers in Messenger (text or a quick-reply tap), through the real signed webhook. */
export async function simulateMessage({ storeId, authorName, text, payload }: { storeId: string; authorName: string; text?: string; payload?: string }) {
  const store = await prisma.store.findUniqueOrThrow({ where: { id: storeId }, include: { metaConnection: true } });
  const pageId = store.metaConnection?.pageId ?? store.fbPageId;
  if (!pageId) throw conflict("page_missing", "Connect a Facebook Page (or the simulator Page) first");
  const psid = `psid_${simulatedAuthorId(authorName)}`;
  const mid = `m_${randomBytes(8).toString("hex")}`;
  await postSignedWebhook({
    object: "page",
    entry: [{ id: pageId, time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: pageId }, timestamp: Date.now(), message: { mid, text: text ?? payload ?? "", ...(payload && { quick_reply: { payload } }) } }] }],
  });
  return { mid, psid };
}

/**
 * Puts a live video on the store's simulator Page in the built-in fake Graph API (on air, or scheduled), so
 * the live-video picker lists it as Meta's GET /{page-id}/live_videos would. No webhook is sent: the
 * seller picks it, as with a Page whose auto-start is off.
 */
export async function simulateLiveVideo({ storeId, actorId, title, status }: { storeId: string; actorId: string; title: string; status: "live" | "scheduled" }) {
  const { pageId } = await ensureSimulatorPage({ storeId, actorId });
  const fake = await builtInFakeGraph();
  if (!fake) throw conflict("simulator_unavailable", "The built-in fake Graph API is not running in this process");
  const id = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const now = new Date().toISOString();
  fake.addLiveVideo(pageId, { id, title, status: status === "live" ? "LIVE" : "SCHEDULED_UNPUBLISHED", creation_time: now, ...(status === "live" && { broadcast_start_time: now }), permalink_url: `https://www.facebook.com/${pageId}/videos/${id}` });
  return { fb_video_id: id, page_id: pageId };
}
