import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { liveCreateInput, botToggleInput, botToggleOutput, liveOutput, commentOutput, commentListQuery, pausedProcessOutput, pageLiveVideoOutput } from "./schemas";

/** Lives, the kill switch and the comments the bot read: the API operations of this domain, documented with the schemas their routes validate with. */
export const liveOperations: Operation[] = [
  { method: "get", path: "/api/v1/lives", tag: "lives", summary: "Lives of a store", query: z.object({ store_id: z.string() }), response: z.array(liveOutput), errors: [404] },
  { method: "post", path: "/api/v1/lives", tag: "lives", summary: "Start selling on a live video (bot enabled)", body: liveCreateInput, response: liveOutput, status: 201, errors: [402, 404, 409, 422] },
  { method: "get", path: "/api/v1/lives/facebook-videos", tag: "lives", summary: "The store's Page's live videos on air now or scheduled (read from Meta: GET /{page-id}/live_videos), to pick the one the bot listens to; each says which live already follows it. 409 page_missing / meta_disconnected, 502 graph_unavailable when Meta does not answer", query: z.object({ store_id: z.string() }), response: z.array(pageLiveVideoOutput), errors: [404, 409, 502] },
  { method: "get", path: "/api/v1/lives/{id}", tag: "lives", summary: "One live, with comments_webhook, comments_recovered (found by reading the live back through the Graph API) and webhook_lag_p95_ms", response: liveOutput.extend({ comments_webhook: z.number().int(), comments_recovered: z.number().int(), webhook_lag_p95_ms: z.number().int().nullable(), reconciled_at: z.string().nullable() }), errors: [404] },
  { method: "post", path: "/api/v1/lives/{id}/end", tag: "lives", summary: "End a live", response: liveOutput, errors: [404] },
  { method: "post", path: "/api/v1/lives/{id}/bot", tag: "lives", summary: "Kill switch: while disabled, comments are stored and shown (status PAUSED) but nothing is reserved or sent. With enabled: true, process_paused: true the paused comments are also processed, each exactly once", body: botToggleInput, response: botToggleOutput, errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/lives/{id}/paused-comments/process", tag: "lives", summary: "Process the comments received while the bot was off (status PAUSED) through the normal pipeline, each exactly once (a repeated or concurrent call queues nothing more). 409 bot_disabled while the bot is off, 409 live_ended after the live ended", response: pausedProcessOutput, errors: [404, 409] },
  { method: "get", path: "/api/v1/lives/{id}/report", tag: "lives", summary: "The live's results: comments → buy intents → reserved → DM sent → checkout opened → paid, revenue, sold-out demand, expired holds, buyers' questions nobody answered (count and list), per product", errors: [404] },
  { method: "get", path: "/api/v1/lives/{id}/comments", tag: "lives", summary: "Comments of a live as the bot understood them, newest first (status=PAUSED lists those received while the bot was off)", query: commentListQuery, response: z.array(commentOutput), errors: [404] },
];
