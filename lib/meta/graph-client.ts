import { createHmac } from "node:crypto";
import { metrics } from "@/lib/observability/metrics";
import {
  MetaApiError,
  MetaAuthError,
  MetaMessagingBlockedError,
  MetaRateLimitedError,
  MetaTransientError,
  GraphOutcomeUnknownError,
  classifyMetaError,
  type MetaErrorBody,
} from "./errors";
import { withSpan } from "@/lib/observability/tracing";

/** A Graph path as a span name: its edge (`messages`, `comments`, …), ids left out. */
function graphEdge(path: string): string {
  const segments = path.split("?")[0]!.split("/").filter(Boolean);
  const edge = segments.at(-1) ?? "";
  return /^[a-z_]+$/.test(edge) ? edge : "{id}";
}
import { MetaMessageBuildError, type MetaMessage } from "./messages";
import type { PagePacer } from "./page-pacer";

type MessagingType = "RESPONSE" | "UPDATE" | "MESSAGE_TAG" | "UTILITY";

export type GraphClientOptions = {
  /** e.g. https://graph.facebook.com/v24.0 (META_GRAPH_API_URL) or a local fake. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Extra attempts after the first one for rate limits, 5xx and network errors. */
  maxRetries?: number;
  baseDelayMs?: number;
  /** Longest wait spent in-process; a longer hint from Meta is handed to the job layer instead. */
  maxDelayMs?: number;
  timeoutMs?: number;
  /** When the app enables "Require App Secret", every call must carry appsecret_proof. */
  appSecret?: string;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Paces the POSTs of each Page under Meta's ceiling, shared by every worker (see page-pacer.ts). */
  pacer?: PagePacer;
  /** The Page a token belongs to, for calls whose path does not name it (public replies); null: not paced. */
  pageOfToken?: (pageToken: string) => string | null;
};

/** The pacing budgets of a Page: Send API calls (DMs, private replies) and public comment replies. */
export const sendBucket = (pageId: string) => `${pageId}:send`;
export const replyBucket = (pageId: string) => `${pageId}:reply`;

type SendResult = { alreadySent: false; id: string; recipientId: string | null } | { alreadySent: true };

/** A comment as the comments listing returns it (the same facts a webhook delivery carries). */
type ListedComment = { id: string; message: string; from: { id: string; name?: string } | null; created_time: string; parentId: string | null };

export type GraphClient = {
  /**
   * One page of an object's comments (a live video or its post), oldest first: GET /{object-id}/comments.
   * `after` is the cursor of the previous page; `next` is null on the last page.
   */
  listComments(args: { objectId: string; pageToken: string; after?: string | null; limit?: number }): Promise<{ comments: ListedComment[]; after: string | null; next: boolean }>;
  /** Public reply under the buyer's comment: POST /{comment-id}/comments. */
  replyToComment(args: { commentId: string; message: string; pageToken: string }): Promise<{ id: string }>;
  /** The one private reply a comment allows: POST /{page-id}/messages with recipient.comment_id. */
  sendPrivateReply(args: { pageId: string; commentId: string; message: MetaMessage; pageToken: string }): Promise<SendResult>;
  /** A message to a PSID: RESPONSE inside the 24 h window, UTILITY (template) outside it. */
  sendMessage(args: {
    pageId: string;
    psid: string;
    message: MetaMessage;
    messagingType: MessagingType;
    tag?: string;
    pageToken: string;
  }): Promise<SendResult>;
};

type GraphSuccess = Record<string, unknown>;
/** "Already replied" is not thrown here: only the private-reply caller knows it means success. */
type PostOutcome = { kind: "ok"; json: GraphSuccess } | { kind: "already_replied"; error: MetaApiError };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds from Retry-After, or minutes from Meta's Business Use Case usage header. */
/**
 * A network failure after which the request may have reached Meta: our timeout while waiting for the
 * answer, or the connection closed after the request was written (reset, "socket hang up"). A refused
 * connection or an unknown host never reached it.
 */
function mayHaveReachedMeta(cause: unknown): boolean {
  const e = cause as { name?: string; code?: string; message?: string; cause?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  if (e.name === "TimeoutError" || e.name === "AbortError" || e.code === "ECONNRESET" || e.code === "EPIPE" || e.code === "UND_ERR_SOCKET" || /socket hang up/i.test(e.message ?? "")) return true;
  return e.cause !== undefined && e.cause !== cause && mayHaveReachedMeta(e.cause); // fetch wraps the socket error
}

function retryHintMs(headers: Headers): number | null {
  const retryAfter = headers.get("retry-after");
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
  const buc = headers.get("x-business-use-case-usage");
  if (!buc) return null;
  try {
    const usage = JSON.parse(buc) as Record<string, Array<{ estimated_time_to_regain_access?: number }>>;
    const minutes = Object.values(usage)
      .flat()
      .map((u) => u.estimated_time_to_regain_access ?? 0);
    const max = Math.max(0, ...minutes);
    return max > 0 ? max * 60_000 : null;
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const maxRetries = options.maxRetries ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 20_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;

  // Equal jitter: never less than half the exponential step, so a burst of retries spreads out
  // without collapsing to zero.
  function backoff(attempt: number): number {
    const step = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    return Math.round(step / 2 + random() * (step / 2));
  }

  function url(path: string, pageToken: string): string {
    if (!options.appSecret) return `${baseUrl}${path}`;
    const proof = createHmac("sha256", options.appSecret).update(pageToken).digest("hex");
    return `${baseUrl}${path}${path.includes("?") ? "&" : "?"}appsecret_proof=${proof}`;
  }

  /** A POST with a JSON body, or a GET (body undefined); retries, error mapping and metrics are the same. */
  /** `once`: a POST Meta cannot deduplicate (a DM to a PSID, a public reply) — never repeated after it may have reached Meta. */
  function post(path: string, body: unknown, pageToken: string, bucket: string | null = null, once = false): Promise<PostOutcome> {
    const method = body === undefined ? "GET" : "POST";
    return withSpan(`graph ${method} ${graphEdge(path)}`, { kind: "client", attributes: { "http.request.method": method } }, () => request(path, body, pageToken, bucket, once));
  }

  async function request(path: string, body: unknown, pageToken: string, bucket: string | null, once: boolean): Promise<PostOutcome> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const pacer = bucket ? options.pacer : undefined;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      let text: string;
      // Under the Page's ceiling, shared with every other worker: a burst waits here instead of being refused.
      if (pacer) await pacer.take(bucket!);
      try {
        response = await fetchImpl(url(path, pageToken), {
          method: payload === undefined ? "GET" : "POST",
          headers: { ...(payload !== undefined && { "content-type": "application/json" }), authorization: `Bearer ${pageToken}` },
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (cause) {
        if (once && mayHaveReachedMeta(cause)) {
          throw new GraphOutcomeUnknownError(`Graph API sent no answer: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        }
        const wait = backoff(attempt);
        if (attempt >= maxRetries) {
          throw new MetaTransientError({
            message: `Graph API unreachable: ${cause instanceof Error ? cause.message : String(cause)}`,
            code: 0,
            status: 0,
            retryAfterMs: wait,
            attempts: attempt + 1,
            cause,
          });
        }
        await sleep(wait);
        continue;
      }

      const json = parseJson(text) as { error?: MetaErrorBody } | null;
      if (response.ok && json && typeof json === "object" && !json.error) return { kind: "ok", json: json as GraphSuccess };

      const error = json?.error ?? {};
      const code = typeof error.code === "number" ? error.code : null;
      const subcode = typeof error.error_subcode === "number" ? error.error_subcode : null;
      const base = {
        message: error.message ?? `Graph API answered HTTP ${response.status}`,
        code: code ?? 0,
        subcode,
        status: response.status,
        type: error.type ?? null,
        fbtraceId: error.fbtrace_id ?? null,
      };
      const verdict = classifyMetaError({ status: response.status, code, subcode });
      metrics().graphErrors.inc({ code: String(code ?? `http_${response.status}`) });
      switch (verdict.kind) {
        case "already_replied":
          return { kind: "already_replied", error: new MetaApiError(base) };
        case "blocked":
          throw new MetaMessagingBlockedError({ ...base, reason: verdict.reason });
        case "auth":
          throw new MetaAuthError(base);
        case "other":
          throw new MetaApiError(base);
        case "rate_limited":
        case "transient": {
          const hint = retryHintMs(response.headers);
          const wait = Math.max(hint ?? 0, backoff(attempt));
          // Every worker sending for this Page pauses too, so one refusal does not become a storm of them.
          if (pacer && verdict.kind === "rate_limited") await pacer.penalize(bucket!, wait);
          // A throttle measured in minutes is better waited out by the job scheduler than by a
          // worker holding a connection open.
          if (attempt >= maxRetries || wait > maxDelayMs) {
            const args = { ...base, retryAfterMs: wait, attempts: attempt + 1 };
            throw verdict.kind === "rate_limited" ? new MetaRateLimitedError(args) : new MetaTransientError(args);
          }
          await sleep(wait);
          continue;
        }
      }
    }
  }

  function toSendResult(json: GraphSuccess): SendResult {
    const id = typeof json.message_id === "string" ? json.message_id : typeof json.id === "string" ? json.id : null;
    if (!id) throw new MetaApiError({ message: "Graph API success without message_id", code: 0, status: 200 });
    return { alreadySent: false, id, recipientId: typeof json.recipient_id === "string" ? json.recipient_id : null };
  }

  return {
    async listComments({ objectId, pageToken, after, limit = 100 }) {
      const query = new URLSearchParams({ fields: "id,message,from,created_time,parent", order: "chronological", filter: "stream", limit: String(limit) });
      if (after) query.set("after", after);
      const outcome = await post(`/${encodeURIComponent(objectId)}/comments?${query}`, undefined, pageToken);
      if (outcome.kind !== "ok") throw outcome.error;
      const json = outcome.json as unknown as { data?: { id?: unknown; message?: unknown; from?: { id?: unknown; name?: unknown }; created_time?: unknown; parent?: { id?: unknown } }[]; paging?: { cursors?: { after?: unknown }; next?: unknown } };
      const comments = (json.data ?? []).flatMap((c): ListedComment[] =>
        typeof c.id === "string"
          ? [{ id: c.id, message: typeof c.message === "string" ? c.message : "", from: c.from && typeof c.from.id === "string" ? { id: c.from.id, ...(typeof c.from.name === "string" && { name: c.from.name }) } : null, created_time: typeof c.created_time === "string" ? c.created_time : new Date().toISOString(), parentId: typeof c.parent?.id === "string" ? c.parent.id : null }]
          : [],
      );
      const cursor = typeof json.paging?.cursors?.after === "string" ? json.paging.cursors.after : null;
      return { comments, after: cursor ?? after ?? null, next: typeof json.paging?.next === "string" };
    },

    async replyToComment({ commentId, message, pageToken }) {
      if (message.trim() === "") throw new MetaMessageBuildError("a comment reply needs a message");
      const page = options.pageOfToken?.(pageToken) ?? null;
      // Meta would post a second public reply: one whose answer was lost is not repeated here; the
      // caller looks for it on the Page (send-message.ts, findPageReply) before trying again.
      const outcome = await post(`/${encodeURIComponent(commentId)}/comments`, { message }, pageToken, page && replyBucket(page), true);
      if (outcome.kind === "already_replied") throw outcome.error;
      if (typeof outcome.json.id !== "string") {
        throw new MetaApiError({ message: "Graph API success without comment id", code: 0, status: 200 });
      }
      return { id: outcome.json.id };
    },

    async sendPrivateReply({ pageId, commentId, message, pageToken }) {
      const outcome = await post(`/${encodeURIComponent(pageId)}/messages`, { recipient: { comment_id: commentId }, message }, pageToken, sendBucket(pageId));
      // Meta keeps exactly one private reply per comment, so "already replied" proves an earlier
      // attempt (maybe one whose response we lost) was delivered: the DM step is idempotent.
      return outcome.kind === "already_replied" ? { alreadySent: true } : toSendResult(outcome.json);
    },

    async sendMessage({ pageId, psid, message, messagingType, tag, pageToken }) {
      if (messagingType === "MESSAGE_TAG" && !tag) throw new MetaMessageBuildError("MESSAGE_TAG needs a tag");
      if (messagingType === "UTILITY" && !("template" in message)) {
        throw new MetaMessageBuildError("UTILITY messages must be an approved utility template");
      }
      const body = {
        recipient: { id: psid },
        messaging_type: messagingType,
        message,
        ...(messagingType === "MESSAGE_TAG" ? { tag } : {}),
      };
      // The Send API has no idempotency key: a DM whose answer was lost is not sent again (see post's `once`).
      const outcome = await post(`/${encodeURIComponent(pageId)}/messages`, body, pageToken, sendBucket(pageId), true);
      if (outcome.kind === "already_replied") throw outcome.error;
      return toSendResult(outcome.json);
    },
  };
}
