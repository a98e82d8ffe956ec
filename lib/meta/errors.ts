// Graph API errors, sorted by what the caller must do next:
//   retry later (rate limits, Meta outages)  → MetaRateLimitedError / MetaTransientError
//   stop messaging (page or buyer blocked)   → MetaMessagingBlockedError
//   reconnect the page (token invalid)       → MetaAuthError
//   anything else (bad request, gone object) → MetaApiError
// Codes: https://developers.facebook.com/docs/graph-api/overview/rate-limiting and
// https://developers.facebook.com/docs/messenger-platform/error-codes

/** Application (4), user (17), page (32), custom (613) and Business Use Case (80001 pages, 80006 messenger) throttling. */
const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80001, 80006]);
/** "An unknown error occurred" / "Service temporarily unavailable": Meta asks to retry later. */
const TRANSIENT_CODES: ReadonlySet<number> = new Set([1, 2]);
/** "(#10900) Activity already replied to": a comment accepts exactly one private reply. */
const ALREADY_REPLIED_CODE = 10900;
/** Code 10 subcodes meaning the 24 h standard window is closed for this buyer. */
const OUTSIDE_WINDOW_SUBCODES: ReadonlySet<number> = new Set([2018278, 2018065, 2018108, 2534022]);
const RECIPIENT_UNAVAILABLE_SUBCODES: ReadonlySet<number> = new Set([1545041]);
const AUTH_CODES: ReadonlySet<number> = new Set([102, 190, 463, 467]);

export type MetaErrorBody = {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  fbtrace_id?: string;
};

export class MetaApiError extends Error {
  readonly code: number;
  readonly subcode: number | null;
  readonly status: number;
  readonly type: string | null;
  readonly fbtraceId: string | null;
  constructor(args: { message: string; code: number; subcode?: number | null; status: number; type?: string | null; fbtraceId?: string | null }) {
    super(args.message);
    this.name = "MetaApiError";
    this.code = args.code;
    this.subcode = args.subcode ?? null;
    this.status = args.status;
    this.type = args.type ?? null;
    this.fbtraceId = args.fbtraceId ?? null;
  }
}

/** The page token is expired or revoked: the seller must reconnect the page. */
export class MetaAuthError extends MetaApiError {
  constructor(args: ConstructorParameters<typeof MetaApiError>[0]) {
    super(args);
    this.name = "MetaAuthError";
  }
}

export type MessagingBlockReason = "page_blocked" | "permission_denied" | "outside_window" | "recipient_unavailable";

/**
 * Meta refuses to deliver and retrying will not help. `scope: "page"` means the whole page cannot
 * message (switch the live to public-reply fallback and alert the seller); `scope: "recipient"`
 * concerns one buyer only (closed 24 h window → utility template; buyer unreachable → give up).
 */
export class MetaMessagingBlockedError extends MetaApiError {
  readonly reason: MessagingBlockReason;
  readonly scope: "page" | "recipient";
  constructor(args: ConstructorParameters<typeof MetaApiError>[0] & { reason: MessagingBlockReason }) {
    super(args);
    this.name = "MetaMessagingBlockedError";
    this.reason = args.reason;
    this.scope = args.reason === "page_blocked" || args.reason === "permission_denied" ? "page" : "recipient";
  }
}

/** Still throttled after every in-process retry; reschedule the job after `retryAfterMs`. */
export class MetaRateLimitedError extends MetaApiError {
  readonly retryAfterMs: number;
  readonly attempts: number;
  constructor(args: ConstructorParameters<typeof MetaApiError>[0] & { retryAfterMs: number; attempts: number }) {
    super(args);
    this.name = "MetaRateLimitedError";
    this.retryAfterMs = args.retryAfterMs;
    this.attempts = args.attempts;
  }
}

/** Meta answered 5xx or the network failed every attempt; reschedule the job after `retryAfterMs`. */
export class MetaTransientError extends MetaApiError {
  readonly retryAfterMs: number;
  readonly attempts: number;
  constructor(args: ConstructorParameters<typeof MetaApiError>[0] & { retryAfterMs: number; attempts: number; cause?: unknown }) {
    super(args);
    this.name = "MetaTransientError";
    this.retryAfterMs = args.retryAfterMs;
    this.attempts = args.attempts;
    if (args.cause !== undefined) this.cause = args.cause;
  }
}

/**
 * A POST that Meta cannot deduplicate (a DM to a PSID) may have been delivered: the request went out and
 * no answer came back (a timeout, the connection closed after sending). Not a Meta error and not retried
 * in-process; the caller treats the message's outcome as unknown (see DM_OUTCOME_UNKNOWN).
 */
export class GraphOutcomeUnknownError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "GraphOutcomeUnknownError";
  }
}

export function isRetryableMetaError(err: unknown): err is MetaRateLimitedError | MetaTransientError {
  return err instanceof MetaRateLimitedError || err instanceof MetaTransientError;
}

export type MetaErrorClass =
  | { kind: "rate_limited" }
  | { kind: "transient" }
  | { kind: "already_replied" }
  | { kind: "blocked"; reason: MessagingBlockReason }
  | { kind: "auth" }
  | { kind: "other" };

/** Decides what a Graph error means from the HTTP status and Meta's code/subcode. */
export function classifyMetaError({ status, code, subcode }: { status: number; code: number | null; subcode: number | null }): MetaErrorClass {
  if (code !== null) {
    if (RATE_LIMIT_CODES.has(code)) return { kind: "rate_limited" };
    if (code === ALREADY_REPLIED_CODE) return { kind: "already_replied" };
    if (AUTH_CODES.has(code)) return { kind: "auth" };
    if (code === 2022 || code === 368) return { kind: "blocked", reason: "page_blocked" };
    if (code === 10) {
      if (subcode !== null && OUTSIDE_WINDOW_SUBCODES.has(subcode)) return { kind: "blocked", reason: "outside_window" };
      return { kind: "blocked", reason: "permission_denied" };
    }
    if (code === 551) return { kind: "blocked", reason: "recipient_unavailable" };
    if (code === 200 || code === 230) {
      if (subcode !== null && RECIPIENT_UNAVAILABLE_SUBCODES.has(subcode)) return { kind: "blocked", reason: "recipient_unavailable" };
      return { kind: "blocked", reason: "permission_denied" };
    }
    if (TRANSIENT_CODES.has(code)) return { kind: "transient" };
  }
  if (status === 429) return { kind: "rate_limited" };
  if (status >= 500) return { kind: "transient" };
  return { kind: "other" };
}
