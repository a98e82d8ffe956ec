import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { classifyInput, classifyOutput } from "./classify-schemas";

/** How the bot reads a comment, and the Meta webhook that brings comments in: the API operations of this domain, documented with the schemas their routes validate with. */
export const pipelineOperations: Operation[] = [
  { method: "post", path: "/api/v1/ai/classify", tag: "ai", summary: "How the bot reads a comment against the store's catalog", body: classifyInput, response: classifyOutput, errors: [404, 422] },
  { method: "get", path: "/api/webhooks/meta", tag: "webhooks", summary: "Meta subscription check: echoes hub.challenge when hub.verify_token matches", auth: false, errors: [403] },
  { method: "post", path: "/api/webhooks/meta", tag: "webhooks", summary: "Meta Page webhook (feed comments, live_videos, messaging), X-Hub-Signature-256 over the raw body", auth: false, response: z.object({ received: z.number(), comments: z.number(), messages: z.number() }), errors: [403] },
];
