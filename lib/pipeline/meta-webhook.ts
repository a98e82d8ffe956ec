import { inRehearsal } from "@/lib/db";
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";
import { withSpan } from "@/lib/observability/tracing";
import { AppError, badRequest } from "@/lib/http/errors";
import { verifyMetaSignature } from "@/lib/meta/signature";
import { MetaWebhookPayloadError, parseMetaWebhookDelivery } from "@/lib/meta/webhook";
import { safeEqual } from "@/lib/security/tokens";
import { ingestMetaEvents } from "./ingest-meta-events";
import { quarantineWebhookItems } from "./quarantine-webhook-items";

/** Meta delivers batches of up to a thousand changes; anything larger is not Meta. */
export const META_WEBHOOK_LIMIT_BYTES = 2 * 1024 * 1024;

/** The subscription check: the challenge is echoed only for our verify token. */
export function answerMetaChallenge(params: URLSearchParams): { status: number; body: string } {
  const token = params.get("hub.verify_token") ?? "";
  if (params.get("hub.mode") === "subscribe" && safeEqual(token, env().META_VERIFY_TOKEN)) {
    return { status: 200, body: params.get("hub.challenge") ?? "" };
  }
  return { status: 403, body: "Forbidden" };
}

/**
 * A delivery of Meta's webhook: verify the raw bytes first (nothing is stored for a bad signature),
 * parse, store in the inbox before answering (items that cannot be stored are quarantined, never the
 * whole delivery), and leave the processing to the jobs. Used by the
 * Next.js route and by the web server's own fast path for this one URL (scripts/server.ts), so both
 * behave identically. Throws AppError (403/400) for deliveries that can never succeed.
 */
export function receiveMetaWebhook(delivery: { rawBody: Buffer; signature: string | null | undefined }) {
  return withSpan("meta.webhook", { kind: "server" }, () => receiveVerifiedDelivery(delivery));
}

async function receiveVerifiedDelivery({ rawBody, signature }: { rawBody: Buffer; signature: string | null | undefined }) {
  if (!verifyMetaSignature({ rawBody, header: signature, appSecret: env().META_APP_SECRET })) {
    throw new AppError(403, "invalid_signature", "X-Hub-Signature-256 is missing or does not match");
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw badRequest("invalid_json", "Body is not valid JSON");
  }
  let parsed;
  try {
    parsed = parseMetaWebhookDelivery(body);
  } catch (e) {
    if (e instanceof MetaWebhookPayloadError) throw badRequest("invalid_payload", e.message, e.issues);
    throw e;
  }
  const { events, rejected } = parsed;
  // Bad items are set aside (beside, not before, the good ones: no extra round trip when there are none).
  const [stored, quarantined] = await Promise.all([
    withSpan("inbox.write", { attributes: { "lss.events": events.length } }, () => ingestMetaEvents(events)),
    quarantineWebhookItems(rejected),
  ]);
  if (stored.comments > 0 && !inRehearsal()) metrics().commentsIngested.inc(stored.comments);
  return { received: events.length, ...stored, ...(quarantined > 0 && { quarantined }) };
}
