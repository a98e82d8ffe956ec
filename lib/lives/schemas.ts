import { z } from "zod";
import { COMMENT_OUTCOMES } from "@/lib/pipeline/comment-outcome";

/** PAUSED: received while the live's bot was off; kept for the seller and processable once it is on again. */
const COMMENT_STATUSES = ["RECEIVED", "PROCESSING", "PROCESSED", "SKIPPED", "NEEDS_REVIEW", "FAILED", "PAUSED"] as const;

export const liveCreateInput = z.object({
  store_id: z.string().min(1, "is required"),
  fb_video_id: z.string().trim().regex(/^[\w.-]{1,64}$/, "must be the id of the live video"),
  fb_post_id: z.string().trim().regex(/^[\w.-]{1,100}$/, "must be the id of the live's post").nullish(),
  title: z.string().trim().min(1, "is required").max(200),
});

export const botToggleInput = z
  .object({
    enabled: z.boolean({ error: "must be true or false" }),
    process_paused: z.boolean({ error: "must be true or false" }).optional().describe("with enabled: true, also process the comments received while the bot was off"),
  })
  .refine((v) => !(v.process_paused && !v.enabled), { path: ["process_paused"], message: "only possible when turning the bot on (enabled: true)" });

export const liveOutput = z.object({
  id: z.string(),
  store_id: z.string(),
  fb_video_id: z.string(),
  fb_post_id: z.string().nullable(),
  title: z.string(),
  status: z.enum(["scheduled", "active", "ended"]),
  bot_enabled: z.boolean(),
  messaging_mode: z.enum(["normal", "public_only"]),
  started_at: z.string(),
  ended_at: z.string().nullable(),
});

export const commentOutput = z.object({
  comment_id: z.string(),
  id: z.string(),
  author_name: z.string(),
  text: z.string(),
  intent: z.enum(["BUY", "QUESTION", "GREETING", "CANCEL", "OPT_OUT", "OTHER"]).nullable(),
  sku: z.string().nullable(),
  candidates: z.array(z.string()).describe("When the bot could not pick one product (sku null): the SKUs the comment could mean — asked back to the buyer or waiting in the review queue"),
  quantity: z.number().int().nullable(),
  confidence: z.number().nullable(),
  language: z.string().nullable(),
  status: z.enum(COMMENT_STATUSES).describe("PAUSED: received while the bot was off (kill switch); nothing was reserved or sent"),
  outcome: z
    .enum(COMMENT_OUTCOMES)
    .nullable()
    .describe("What the bot did: reserved (cart and checkout link sent), sold_out (the waitlist offered), asked (a question sent privately), cancelled; null when it did not answer"),
  reason: z.string().nullable(),
  order_id: z.string().nullable(),
  received_at: z.string(),
  dm_sent_at: z.string().nullable(),
});

export const commentListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  before: z.string().datetime({ message: "must be an ISO date-time" }).optional(),
  status: z.enum(COMMENT_STATUSES).optional(),
});

export const botToggleOutput = liveOutput.extend({
  queued: z.number().int().describe("comments received while paused that this call handed to the bot"),
  paused_comments: z.number().int().describe("comments still waiting as received while paused"),
});

export const pausedProcessOutput = z.object({
  live_id: z.string(),
  queued: z.number().int().describe("comments handed to the bot by this call (0 when another call already took them)"),
  paused_comments: z.number().int(),
});

export const pageLiveVideoOutput = z.object({
  fb_video_id: z.string().describe("The live video's id: send it as fb_video_id to POST /api/v1/lives"),
  fb_post_id: z.string().describe("The live's post on the Page ({page-id}_{video-id})"),
  title: z.string().nullable(),
  status: z.enum(["live", "scheduled"]).describe("live: on air now; scheduled: not started yet (the bot listens from the start)"),
  created_at: z.string().nullable(),
  started_at: z.string().nullable(),
  permalink_url: z.string().nullable(),
  live_id: z.string().nullable().describe("The live already following this video, if any"),
  live_status: z.enum(["scheduled", "active", "ended"]).nullable(),
});
