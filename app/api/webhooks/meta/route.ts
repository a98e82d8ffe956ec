import type { NextRequest } from "next/server";
import { readRawBody } from "@/lib/http/body";
import { publicRoute, json } from "@/lib/http/route";
import { META_WEBHOOK_LIMIT_BYTES, answerMetaChallenge, receiveMetaWebhook } from "@/lib/pipeline/meta-webhook";

export const dynamic = "force-dynamic";

/** Subscription check: echo the challenge only for our verify token. */
export function GET(req: NextRequest) {
  const { status, body } = answerMetaChallenge(req.nextUrl.searchParams);
  return new Response(body, { status, headers: { "content-type": "text/plain" } });
}

/** Verify the raw bytes first; store before answering; process after (jobs). */
export const POST = publicRoute(async ({ req }) => {
  const rawBody = await readRawBody(req, META_WEBHOOK_LIMIT_BYTES);
  return json(await receiveMetaWebhook({ rawBody, signature: req.headers.get("x-hub-signature-256") }));
});
