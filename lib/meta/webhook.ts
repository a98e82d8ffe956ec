import { z } from "zod";

// Meta batches: one POST may carry many entries (pages) and each entry many changes or messaging
// events. Only the top-level envelope is strict; every change is parsed on its own so one odd item
// (a reaction, an edit, a field we did not subscribe to) never costs the others.

type MetaUser = { id: string; name: string };

export type MetaCommentEvent = {
  type: "comment";
  pageId: string;
  commentId: string;
  postId: string;
  /** Present when Meta names the video (live comments carry it); otherwise match lives by postId. */
  videoId?: string;
  /** Set only for replies to another comment (a top-level comment's parent is the post itself). */
  parentId?: string;
  /** Meta omits `from` for commenters the app may not see (Standard Access): the comment still counts. */
  from: MetaUser | null;
  message: string;
  createdTime: Date;
};

export type MetaLiveStatusEvent = {
  type: "live_status";
  pageId: string;
  videoId: string;
  /** Meta's raw status: "live", "live_stopped", "vod", "scheduled_unpublished", ... */
  status: string;
};

export type MetaMessageEvent = {
  type: "message";
  pageId: string;
  /** Page-scoped id of the buyer. */
  senderId: string;
  mid: string;
  text?: string;
  quickReplyPayload?: string;
  timestamp: Date;
};

export type MetaPostbackEvent = {
  type: "postback";
  pageId: string;
  senderId: string;
  mid?: string;
  title?: string;
  payload: string;
  timestamp: Date;
};

export type MetaWebhookEvent = MetaCommentEvent | MetaLiveStatusEvent | MetaMessageEvent | MetaPostbackEvent;

/** The body is not a Page webhook at all; the route answers 400. */
export class MetaWebhookPayloadError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid Meta webhook payload: ${issues.join("; ")}`);
    this.name = "MetaWebhookPayloadError";
    this.issues = issues;
  }
}

const idSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const timeSchema = z.union([z.number(), z.string().min(1)]);

const metaWebhookEnvelopeSchema = z.object({
  object: z.literal("page"),
  entry: z.array(z.unknown()),
});

const entrySchema = z.object({
  id: idSchema,
  time: timeSchema.optional(),
  changes: z.array(z.unknown()).optional(),
  messaging: z.array(z.unknown()).optional(),
});

const userSchema = z.object({ id: idSchema, name: z.string().default("") });

const feedCommentSchema = z.object({
  field: z.literal("feed"),
  value: z.object({
    item: z.literal("comment"),
    verb: z.literal("add"),
    comment_id: idSchema,
    post_id: idSchema,
    parent_id: idSchema.optional(),
    video_id: idSchema.optional(),
    from: userSchema.optional(),
    message: z.string().default(""),
    created_time: timeSchema.optional(),
  }),
});

const liveVideoSchema = z.object({
  field: z.literal("live_videos"),
  value: z
    .object({ id: idSchema.optional(), video_id: idSchema.optional(), status: z.string().min(1) })
    .refine((v) => v.id !== undefined || v.video_id !== undefined, "live video id missing"),
});

const messagingSchema = z.object({
  sender: z.object({ id: idSchema }),
  recipient: z.object({ id: idSchema }).optional(),
  timestamp: timeSchema.optional(),
  message: z
    .object({
      mid: z.string().min(1),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      quick_reply: z.object({ payload: z.string() }).optional(),
    })
    .optional(),
  postback: z
    .object({ payload: z.string(), title: z.string().optional(), mid: z.string().optional() })
    .optional(),
});

/** Unix seconds, unix milliseconds or an ISO string → Date; null when unreadable. */
function toDate(value: number | string | undefined): Date | null {
  if (value === undefined) return null;
  if (typeof value === "number") return new Date(value < 1e12 ? value * 1000 : value);
  const asNumber = Number(value);
  if (value.trim() !== "" && Number.isFinite(asNumber)) return toDate(asNumber);
  // Meta's ISO strings use "+0000", which Date.parse does not accept everywhere.
  const d = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(d.getTime()) ? null : d;
}

function parseChange(pageId: string, raw: unknown, fallbackTime: Date): MetaWebhookEvent | null {
  const comment = feedCommentSchema.safeParse(raw);
  if (comment.success) {
    const v = comment.data.value;
    // The bot's own public replies come back through the same feed subscription.
    if (v.from?.id === pageId) return null;
    return {
      type: "comment",
      pageId,
      commentId: v.comment_id,
      postId: v.post_id,
      ...(v.video_id ? { videoId: v.video_id } : {}),
      ...(v.parent_id && v.parent_id !== v.post_id ? { parentId: v.parent_id } : {}),
      from: v.from ? { id: v.from.id, name: v.from.name } : null,
      message: v.message,
      createdTime: toDate(v.created_time) ?? fallbackTime,
    };
  }
  const live = liveVideoSchema.safeParse(raw);
  if (live.success) {
    const v = live.data.value;
    return { type: "live_status", pageId, videoId: (v.id ?? v.video_id)!, status: v.status };
  }
  return null;
}

function parseMessaging(pageId: string, raw: unknown, fallbackTime: Date): MetaWebhookEvent | null {
  const parsed = messagingSchema.safeParse(raw);
  if (!parsed.success) return null;
  const m = parsed.data;
  // Echoes are the page's own outbound messages; a sender equal to the page is the same thing.
  if (m.sender.id === pageId) return null;
  const timestamp = toDate(m.timestamp) ?? fallbackTime;
  if (m.message) {
    if (m.message.is_echo) return null;
    return {
      type: "message",
      pageId,
      senderId: m.sender.id,
      mid: m.message.mid,
      ...(m.message.text !== undefined ? { text: m.message.text } : {}),
      ...(m.message.quick_reply ? { quickReplyPayload: m.message.quick_reply.payload } : {}),
      timestamp,
    };
  }
  if (m.postback) {
    return {
      type: "postback",
      pageId,
      senderId: m.sender.id,
      ...(m.postback.mid ? { mid: m.postback.mid } : {}),
      ...(m.postback.title !== undefined ? { title: m.postback.title } : {}),
      payload: m.postback.payload,
      timestamp,
    };
  }
  return null;
}

/**
 * Normalises a verified Page webhook body into the events the product acts on. Anything else
 * (other verbs, reactions, deliveries, reads, echoes, the page's own comments) is skipped.
 * Throws MetaWebhookPayloadError only when the envelope itself is not a Page webhook.
 */
export function parseMetaWebhook(json: unknown): MetaWebhookEvent[] {
  const envelope = metaWebhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new MetaWebhookPayloadError(
      envelope.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
    );
  }
  const events: MetaWebhookEvent[] = [];
  for (const rawEntry of envelope.data.entry) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) continue;
    const { id: pageId, time, changes = [], messaging = [] } = entry.data;
    const entryTime = toDate(time) ?? new Date();
    for (const change of changes) {
      const event = parseChange(pageId, change, entryTime);
      if (event) events.push(event);
    }
    for (const item of messaging) {
      const event = parseMessaging(pageId, item, entryTime);
      if (event) events.push(event);
    }
  }
  return events;
}
