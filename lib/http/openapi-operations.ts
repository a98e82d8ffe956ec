import { z } from "zod";
import type { Operation } from "./openapi";
import { liveCreateInput, botToggleInput, botToggleOutput, liveOutput, commentOutput, commentListQuery, pausedProcessOutput } from "@/lib/lives/schemas";
import { classifyInput, classifyOutput } from "@/lib/pipeline/classify-schemas";
import { commentChoiceInput } from "@/lib/live-control/schemas";
import { paymentOperations } from "@/lib/payments/openapi-payments";
import { fulfilmentOperations } from "@/lib/fulfilment/openapi-fulfilment";

/** Operations of the later domains (lives, orders, AI, webhooks) register here with their own schemas. */
export const apiOperations: Operation[] = [
  { method: "get", path: "/api/v1/lives", tag: "lives", summary: "Lives of a store", query: z.object({ store_id: z.string() }), response: z.array(liveOutput), errors: [404] },
  { method: "post", path: "/api/v1/lives", tag: "lives", summary: "Start selling on a live video (bot enabled)", body: liveCreateInput, response: liveOutput, status: 201, errors: [402, 404, 409, 422] },
  { method: "get", path: "/api/v1/lives/{id}", tag: "lives", summary: "One live", response: liveOutput, errors: [404] },
  { method: "post", path: "/api/v1/lives/{id}/end", tag: "lives", summary: "End a live", response: liveOutput, errors: [404] },
  { method: "post", path: "/api/v1/lives/{id}/bot", tag: "lives", summary: "Kill switch: while disabled, comments are stored and shown (status PAUSED) but nothing is reserved or sent. With enabled: true, process_paused: true the paused comments are also processed, each exactly once", body: botToggleInput, response: botToggleOutput, errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/lives/{id}/paused-comments/process", tag: "lives", summary: "Process the comments received while the bot was off (status PAUSED) through the normal pipeline, each exactly once (a repeated or concurrent call queues nothing more). 409 bot_disabled while the bot is off, 409 live_ended after the live ended", response: pausedProcessOutput, errors: [404, 409] },
  { method: "get", path: "/api/v1/lives/{id}/comments", tag: "lives", summary: "Comments of a live as the bot understood them, newest first (status=PAUSED lists those received while the bot was off)", query: commentListQuery, response: z.array(commentOutput), errors: [404] },
  { method: "post", path: "/api/v1/ai/classify", tag: "ai", summary: "How the bot reads a comment against the store's catalog", body: classifyInput, response: classifyOutput, errors: [404, 422] },
  { method: "get", path: "/api/webhooks/meta", tag: "webhooks", summary: "Meta subscription check: echoes hub.challenge when hub.verify_token matches", auth: false, errors: [403] },
  { method: "post", path: "/api/webhooks/meta", tag: "webhooks", summary: "Meta Page webhook (feed comments, live_videos, messaging), X-Hub-Signature-256 over the raw body", auth: false, response: z.object({ received: z.number(), comments: z.number(), messages: z.number() }), errors: [403] },
  ...paymentOperations,
  ...fulfilmentOperations,
  { method: "get", path: "/api/v1/stores/{id}/plan", tag: "stores", summary: "The store's plan, status and limits", errors: [404] },
  { method: "put", path: "/api/v1/stores/{id}/plan", tag: "stores", summary: "Change the plan (OWNER)", body: z.object({ plan: z.enum(["starter", "pro", "business"]) }), errors: [403, 404, 422] },
  { method: "get", path: "/api/v1/stores/{id}/events", tag: "realtime", summary: "Server-sent events of the store (comments, orders, messages, alerts), fed by PostgreSQL LISTEN/NOTIFY", errors: [404] },
  { method: "get", path: "/api/v1/stores/{id}/members", tag: "team", summary: "Members and pending invitations", errors: [404] },
  { method: "post", path: "/api/v1/stores/{id}/members", tag: "team", summary: "Invite a STAFF member by email (OWNER); answers the invitation link", body: z.object({ email: z.string().email(), role: z.enum(["STAFF", "OWNER"]).optional() }), status: 201, errors: [402, 403, 404, 409, 422] },
  { method: "patch", path: "/api/v1/stores/{id}/members/{memberId}", tag: "team", summary: "Change a member's role (OWNER; a store always keeps an owner)", body: z.object({ role: z.enum(["STAFF", "OWNER"]) }), errors: [403, 404, 409] },
  { method: "delete", path: "/api/v1/stores/{id}/members/{memberId}", tag: "team", summary: "Remove a member (OWNER) or leave the store", status: 204, errors: [403, 404, 409] },
  { method: "get", path: "/api/v1/buyers/{id}", tag: "live", summary: "A buyer with their conversation and carts (manual takeover)", errors: [404] },
  { method: "patch", path: "/api/v1/buyers/{id}", tag: "live", summary: "Pause or resume the bot for one buyer (manual takeover)", body: z.object({ bot_paused: z.boolean() }), errors: [404, 422] },
  { method: "post", path: "/api/v1/buyers/{id}/messages", tag: "live", summary: "Send a DM as the seller (inside the 24 h window, else the private reply to their latest comment)", body: z.object({ text: z.string().min(1).max(2000) }), status: 201, errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/lives/{id}/takeover/comments/{commentId}", tag: "live", summary: "Correct the AI's reading of a comment and create or fix the buyer's cart", errors: [400, 404, 422] },
  { method: "post", path: "/api/v1/lives/{id}/comments/{commentId}/choose", tag: "live", summary: "Review queue: reserve one of the comment's candidates for the buyer and send the cart (the same path as the buyer's quick-reply tap; once per comment)", body: commentChoiceInput, errors: [404, 409, 422] },
  { method: "put", path: "/api/v1/lives/{id}/takeover/carts/{orderId}", tag: "live", summary: "Set the quantity of a cart line (0 removes it; an empty cart is cancelled)", errors: [400, 404, 422] },
  { method: "post", path: "/api/v1/uploads", tag: "inventory", summary: "Upload a product image (JPEG/PNG/WebP/GIF, 5 MB); local disk or S3-compatible storage", status: 201, errors: [413, 415, 422] },
  { method: "post", path: "/api/dev/simulator/comment", tag: "simulator", summary: "Embedded default only: post a comment as a fake buyer through the real signed Meta webhook", body: z.object({ live_id: z.string(), author_name: z.string(), text: z.string() }), status: 201, errors: [404, 409, 422] },
];
