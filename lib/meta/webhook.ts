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

// Ids are short (Meta's are under 100 characters); a longer one is not Meta and would not fit an index.
const idSchema = z.union([z.string().min(1).max(256), z.number().int().nonnegative()]).transform(String);
const timeSchema = z.union([z.number(), z.string().min(1).max(64)]);

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

/**
 * Why one item of a delivery was set aside instead of stored (see quarantineWebhookItems): its shape is
 * not what Meta sends for its kind, a time is not a real date, or a text holds a NUL (PostgreSQL refuses it).
 */
export type RejectedWebhookItem = {
  pageId: string | null;
  kind: "comment" | "live_status" | "message" | "entry";
  reason: "invalid_shape" | "invalid_time" | "nul_character";
  /** Where in the delivery, e.g. `entry[0].changes[3].value.created_time` (never a value). */
  path: string;
  /** The item's Meta id (comment_id, mid) when it is a readable string. */
  externalId: string | null;
  raw: unknown;
};

/** The events to store and the items set aside, from one verified delivery. */
type ParsedDelivery = { events: MetaWebhookEvent[]; rejected: RejectedWebhookItem[] };

// Real times of Meta events: anything outside 2000..2100 (1e20, negative, NaN) is not a date PostgreSQL or JS can use.
const MIN_TIME_MS = Date.UTC(2000, 0, 1);
const MAX_TIME_MS = Date.UTC(2100, 0, 1);

/** Unix seconds, unix milliseconds or an ISO string → Date; null when unreadable or absurd. */
function toDate(value: number | string | undefined): Date | null {
  if (value === undefined) return null;
  if (typeof value === "number") {
    const ms = value < 1e12 ? value * 1000 : value;
    return Number.isFinite(ms) && ms >= MIN_TIME_MS && ms < MAX_TIME_MS ? new Date(ms) : null;
  }
  const asNumber = Number(value);
  if (value.trim() !== "" && Number.isFinite(asNumber)) return toDate(asNumber);
  // Meta's ISO strings use "+0000", which Date.parse does not accept everywhere.
  const d = new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(d.getTime()) || d.getTime() < MIN_TIME_MS || d.getTime() >= MAX_TIME_MS ? null : d;
}

/** The path of the first string (key or value) holding a NUL, or null. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value === null || typeof value !== "object" || depth > 8) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (key.includes("\u0000")) return childPath;
    const found = nulPath(child, childPath, depth + 1);
    if (found) return found;
  }
  return null;
}

function issuePath(base: string, issues: readonly { path: readonly PropertyKey[] }[]): string {
  const first = issues[0]?.path ?? [];
  return first.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : `${acc}.${String(part)}`), base);
}

function stringAt(value: unknown, key: string): string | null {
  const v = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" && v.length <= 256 && !v.includes("\u0000") ? v : typeof v === "number" && Number.isSafeInteger(v) ? String(v) : null;
}

type Item = { event: MetaWebhookEvent } | { rejected: Omit<RejectedWebhookItem, "pageId" | "raw"> } | null;

function parseChange(pageId: string, raw: unknown, fallbackTime: Date, path: string): Item {
  const value = raw !== null && typeof raw === "object" ? (raw as { field?: unknown; value?: unknown }) : null;
  const v0 = value?.value !== null && typeof value?.value === "object" ? (value.value as Record<string, unknown>) : null;
  // Only what we act on is validated: new comments and live status changes. Edits, reactions, other fields are skipped.
  const isComment = value?.field === "feed" && v0?.item === "comment" && v0.verb === "add";
  const isLive = value?.field === "live_videos";
  if (!isComment && !isLive) return null;
  const kind = isComment ? ("comment" as const) : ("live_status" as const);
  const externalId = isComment ? stringAt(v0, "comment_id") : (stringAt(v0, "id") ?? stringAt(v0, "video_id"));
  const reject = (reason: RejectedWebhookItem["reason"], at: string): Item => ({ rejected: { kind, reason, path: at, externalId } });
  const nul = nulPath(raw, path);
  if (nul) return reject("nul_character", nul);
  if (isComment) {
    const comment = feedCommentSchema.safeParse(raw);
    if (!comment.success) return reject("invalid_shape", issuePath(path, comment.error.issues));
    const v = comment.data.value;
    // The bot's own public replies come back through the same feed subscription.
    if (v.from?.id === pageId) return null;
    const createdTime = v.created_time === undefined ? fallbackTime : toDate(v.created_time);
    if (!createdTime) return reject("invalid_time", `${path}.value.created_time`);
    return {
      event: {
        type: "comment",
        pageId,
        commentId: v.comment_id,
        postId: v.post_id,
        ...(v.video_id ? { videoId: v.video_id } : {}),
        ...(v.parent_id && v.parent_id !== v.post_id ? { parentId: v.parent_id } : {}),
        from: v.from ? { id: v.from.id, name: v.from.name } : null,
        message: v.message,
        createdTime,
      },
    };
  }
  const live = liveVideoSchema.safeParse(raw);
  if (!live.success) return reject("invalid_shape", issuePath(path, live.error.issues));
  const v = live.data.value;
  return { event: { type: "live_status", pageId, videoId: (v.id ?? v.video_id)!, status: v.status } };
}

function parseMessaging(pageId: string, raw: unknown, fallbackTime: Date, path: string): Item {
  const item = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : null;
  // Deliveries, reads, reactions and the like are skipped; only messages and postbacks become events.
  if (!item || (item.message === undefined && item.postback === undefined)) return null;
  const externalId = stringAt(item.message, "mid") ?? stringAt(item.postback, "mid");
  const reject = (reason: RejectedWebhookItem["reason"], at: string): Item => ({ rejected: { kind: "message", reason, path: at, externalId } });
  const nul = nulPath(raw, path);
  if (nul) return reject("nul_character", nul);
  const parsed = messagingSchema.safeParse(raw);
  if (!parsed.success) return reject("invalid_shape", issuePath(path, parsed.error.issues));
  const m = parsed.data;
  // Echoes are the page's own outbound messages; a sender equal to the page is the same thing.
  if (m.sender.id === pageId || m.message?.is_echo) return null;
  const timestamp = m.timestamp === undefined ? fallbackTime : toDate(m.timestamp);
  if (!timestamp) return reject("invalid_time", `${path}.timestamp`);
  if (m.message) {
    return {
      event: {
        type: "message",
        pageId,
        senderId: m.sender.id,
        mid: m.message.mid,
        ...(m.message.text !== undefined ? { text: m.message.text } : {}),
        ...(m.message.quick_reply ? { quickReplyPayload: m.message.quick_reply.payload } : {}),
        timestamp,
      },
    };
  }
  if (m.postback) {
    return {
      event: {
        type: "postback",
        pageId,
        senderId: m.sender.id,
        ...(m.postback.mid ? { mid: m.postback.mid } : {}),
        ...(m.postback.title !== undefined ? { title: m.postback.title } : {}),
        payload: m.postback.payload,
        timestamp,
      },
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
  return parseMetaWebhookDelivery(json).events;
}

/**
 * `parseMetaWebhook` that also returns the items it set aside: a comment, live status change or message
 * with the wrong shape, an absurd time or a NUL in a text is rejected on its own, so one bad item never
 * costs its neighbours (the caller quarantines it). Throws MetaWebhookPayloadError only for the envelope.
 */
export function parseMetaWebhookDelivery(json: unknown): ParsedDelivery {
  const envelope = metaWebhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new MetaWebhookPayloadError(
      envelope.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
    );
  }
  const events: MetaWebhookEvent[] = [];
  const rejected: RejectedWebhookItem[] = [];
  for (const [e, rawEntry] of envelope.data.entry.entries()) {
    const path = `entry[${e}]`;
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      // A stray value is skipped; an entry that carries changes or messages we cannot attribute is set aside.
      const carries = rawEntry !== null && typeof rawEntry === "object" && ("changes" in rawEntry || "messaging" in rawEntry);
      if (carries) rejected.push({ pageId: stringAt(rawEntry, "id"), kind: "entry", reason: "invalid_shape", path: issuePath(path, entry.error.issues), externalId: null, raw: rawEntry });
      continue;
    }
    const { id: pageId, time, changes = [], messaging = [] } = entry.data;
    const entryTime = toDate(time) ?? new Date();
    const collect = (item: Item, raw: unknown) => {
      if (!item) return;
      if ("event" in item) events.push(item.event);
      else rejected.push({ ...item.rejected, pageId, raw });
    };
    for (const [c, change] of changes.entries()) collect(parseChange(pageId, change, entryTime, `${path}.changes[${c}]`), change);
    for (const [m, item] of messaging.entries()) collect(parseMessaging(pageId, item, entryTime, `${path}.messaging[${m}]`), item);
  }
  return { events, rejected };
}
