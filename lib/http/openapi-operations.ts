import { z } from "zod";
import type { Operation } from "./openapi";
import { liveCreateInput, botToggleInput, liveOutput, commentOutput, commentListQuery } from "@/lib/lives/schemas";
import { classifyInput, classifyOutput } from "@/lib/pipeline/classify-schemas";
import { paymentOperations } from "@/lib/payments/openapi-payments";

/** Operations of the later domains (lives, orders, AI, webhooks) register here with their own schemas. */
export const apiOperations: Operation[] = [
  { method: "get", path: "/api/v1/lives", tag: "lives", summary: "Lives of a store", query: z.object({ store_id: z.string() }), response: z.array(liveOutput), errors: [404] },
  { method: "post", path: "/api/v1/lives", tag: "lives", summary: "Start selling on a live video (bot enabled)", body: liveCreateInput, response: liveOutput, status: 201, errors: [402, 404, 409, 422] },
  { method: "get", path: "/api/v1/lives/{id}", tag: "lives", summary: "One live", response: liveOutput, errors: [404] },
  { method: "post", path: "/api/v1/lives/{id}/end", tag: "lives", summary: "End a live", response: liveOutput, errors: [404] },
  { method: "post", path: "/api/v1/lives/{id}/bot", tag: "lives", summary: "Kill switch: while disabled, comments are stored and shown but nothing is reserved or sent", body: botToggleInput, response: liveOutput, errors: [404, 422] },
  { method: "get", path: "/api/v1/lives/{id}/comments", tag: "lives", summary: "Comments of a live as the bot understood them, newest first", query: commentListQuery, response: z.array(commentOutput), errors: [404] },
  { method: "post", path: "/api/v1/ai/classify", tag: "ai", summary: "How the bot reads a comment against the store's catalog", body: classifyInput, response: classifyOutput, errors: [404, 422] },
  { method: "get", path: "/api/webhooks/meta", tag: "webhooks", summary: "Meta subscription check: echoes hub.challenge when hub.verify_token matches", auth: false, errors: [403] },
  { method: "post", path: "/api/webhooks/meta", tag: "webhooks", summary: "Meta Page webhook (feed comments, live_videos, messaging), X-Hub-Signature-256 over the raw body", auth: false, response: z.object({ received: z.number(), comments: z.number(), messages: z.number() }), errors: [403] },
  ...paymentOperations,
];
