import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { readRawBody } from "@/lib/http/body";
import { publicRoute, json } from "@/lib/http/route";
import { AppError, badRequest } from "@/lib/http/errors";
import { verifyMetaSignature } from "@/lib/meta/signature";
import { MetaWebhookPayloadError, parseMetaWebhook } from "@/lib/meta/webhook";
import { ingestMetaEvents } from "@/lib/pipeline/ingest-meta-events";
import { safeEqual } from "@/lib/security/tokens";

export const dynamic = "force-dynamic";

/** Subscription check: echo the challenge only for our verify token. */
export function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  const token = q.get("hub.verify_token") ?? "";
  if (q.get("hub.mode") === "subscribe" && safeEqual(token, env().META_VERIFY_TOKEN)) {
    return new Response(q.get("hub.challenge") ?? "", { status: 200, headers: { "content-type": "text/plain" } });
  }
  return new Response("Forbidden", { status: 403 });
}

/** Verify the raw bytes first; store before answering; process after (jobs). */
export const POST = publicRoute(async ({ req }) => {
  const raw = await readRawBody(req, 2 * 1024 * 1024);
  if (!verifyMetaSignature({ rawBody: raw, header: req.headers.get("x-hub-signature-256"), appSecret: env().META_APP_SECRET })) {
    throw new AppError(403, "invalid_signature", "X-Hub-Signature-256 is missing or does not match");
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("invalid_json", "Body is not valid JSON");
  }
  let events;
  try {
    events = parseMetaWebhook(body);
  } catch (e) {
    if (e instanceof MetaWebhookPayloadError) throw badRequest("invalid_payload", e.message, e.issues);
    throw e;
  }
  const stored = await ingestMetaEvents(events);
  return json({ received: events.length, ...stored });
});
