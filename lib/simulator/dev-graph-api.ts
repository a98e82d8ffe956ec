// The development stand-in for Meta's Graph API: a local server answering the endpoints the product
// calls, used by the embedded default (FAKE_GRAPH), the in-app simulator, the benchmark and tests.
// It is never used when META_GRAPH_API_URL points at Meta: the product only talks to it when that
// variable points here. It answers with Meta-shaped bodies and errors, enforces Meta's one private
// reply per comment, and tells listeners what "the bot sent". It sits on the benchmark's hot path,
// so each request is a JSON parse, a Map lookup and a write: no per-request allocation beyond that.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { LIMITS, type MetaMessage } from "@/lib/meta/messages";

type FakeGraphCallKind = "comment_reply" | "private_reply" | "message" | "comments_list" | "oauth" | "debug_token" | "accounts" | "permissions" | "live_videos" | "subscribed_apps" | "unknown";

/** A live video of a Page as GET /{page-id}/live_videos lists it (status as Meta spells it: LIVE, SCHEDULED_UNPUBLISHED, VOD, …). */
type FakeLiveVideo = { id: string; title?: string; status: string; creation_time?: string; broadcast_start_time?: string; permalink_url?: string };

/** What GET /debug_token says about a token (Meta's field names; times in Unix seconds, expires_at 0 = never). */
type FakeTokenInfo = { is_valid: boolean; type?: "USER" | "PAGE" | "APP"; expires_at?: number; data_access_expires_at?: number; scopes?: string[]; profile_id?: string; error?: { code: number; message: string; subcode?: number } };

/** A Facebook Login the fake will honour: the code, the Pages the person manages and the permissions they declined. */
type FakeFacebookLogin = { code: string; pages: { id: string; name: string }[]; declined?: string[] };

/** The tokens a FakeFacebookLogin produced (what the product should end up holding). */
type FakeLoginTokens = { userToken: string; longLivedToken: string; pageTokens: Record<string, string> };

/** Every permission the product asks for in the dialog (lib/onboarding/meta-oauth.ts). */
const ALL_SCOPES = ["pages_show_list", "pages_read_engagement", "pages_read_user_content", "pages_manage_metadata", "pages_manage_engagement", "pages_messaging"];

/** A comment as GET /{object-id}/comments lists it (what the webhook may or may not have delivered). */
type ListedFakeComment = { id: string; message: string; from?: { id: string; name?: string }; created_time: string };

export type FakeGraphCall = {
  seq: number;
  method: string;
  /** Path without the version prefix, e.g. "/123/messages". */
  path: string;
  kind: FakeGraphCallKind;
  body: unknown;
  token: string | null;
  /** Epoch milliseconds when the request was answered. */
  time: number;
  status: number;
  response: unknown;
  pageId?: string;
  commentId?: string;
  psid?: string;
  messagingType?: string;
  message?: MetaMessage | string;
};

type FakeFailure = {
  /** Meta error code to answer with (e.g. 4, 17, 32, 613, 10, 2022). Ignored when `drop` is set. */
  code?: number;
  subcode?: number;
  /** HTTP status; 500 for codes 1/2, else 400 like Meta. */
  status?: number;
  message?: string;
  /** How many matching requests fail before normal service resumes. */
  times?: number;
  /** Only requests whose path matches fail (the version prefix is stripped first). */
  path?: string | RegExp;
  /** Destroy the socket instead of answering: a network error for the client. */
  drop?: boolean;
  /** Handle the request as Meta would, then destroy the socket instead of answering: Meta did it, the answer was lost. */
  dropAnswer?: boolean;
  headers?: Record<string, string>;
};

type PrivateReplyRecord = {
  pageId: string;
  commentId: string;
  recipientId: string;
  messageId: string;
  message: MetaMessage;
  time: number;
};

/** A public reply the Page posted under a comment; `token` is the Page token it was posted with. */
type CommentReplyRecord = { id: string; commentId: string; message: string; time: number; token: string | null };

export type FakeGraphServer = {
  /** Base URL including the version segment, ready for createGraphClient / META_GRAPH_API_URL. */
  url: string;
  origin: string;
  readonly calls: FakeGraphCall[];
  readonly privateRepliesByComment: Map<string, PrivateReplyRecord>;
  readonly commentReplies: Map<string, CommentReplyRecord[]>;
  failNext(failure: FakeFailure): void;
  blockMessaging(pageId: string, error?: { code?: number; subcode?: number; message?: string }): void;
  unblockMessaging(pageId: string): void;
  /** Maps a comment to the PSID Meta would report for its author (default: "psid_<comment id>"). */
  registerCommentAuthor(args: { commentId: string; psid: string }): void;
  /**
   * Which Page a token belongs to: GET /{comment-id}/comments lists the Page's replies with `from.id` =
   * the Page (the fake also learns it from any POST /{page-id}/messages made with the token).
   */
  registerPageToken(args: { pageId: string; token: string }): void;
  /** Puts a comment on a live video (or post) as Meta holds it: GET /{object-id}/comments lists it, oldest first. */
  addComment(objectId: string, comment: ListedFakeComment): void;
  setLatency(ms: number): void;
  /**
   * The Meta app the fake OAuth endpoints accept (client_id / client_secret, and the app token
   * `{app-id}|{app-secret}` debug_token requires). Until it is set, any app is accepted.
   */
  configureApp(app: { appId: string; appSecret: string }): void;
  /**
   * A person who will log in with Facebook: GET /oauth/access_token turns `code` (once) into a short-lived
   * user token, which fb_exchange_token turns into a long-lived one; that token lists the Pages with their
   * Page tokens (GET /me/accounts) and the permissions, the declined ones as "declined" (GET /me/permissions).
   */
  addFacebookLogin(login: FakeFacebookLogin): FakeLoginTokens;
  /** Overrides what GET /debug_token reports for a token (expiry, scopes, validity). */
  setTokenInfo(token: string, info: Partial<FakeTokenInfo>): void;
  /** Meta revoked a token (password change, removed admin): every call with it answers error 190 and debug_token says is_valid false. */
  revokeToken(token: string): void;
  /** Puts a live video on a Page: GET /{page-id}/live_videos lists it (filtered by broadcast_status). */
  addLiveVideo(pageId: string, video: FakeLiveVideo): void;
  /**
   * Enforces Meta's Send API ceiling: at most `perSecond` accepted POST /{page-id}/messages per Page in
   * any sliding second; above it the fake answers (#613) like Meta. null lifts it.
   */
  limitSendRate(perSecond: number | null): void;
  /** How many calls were refused with (#613) by limitSendRate since the last reset. */
  readonly rateLimitedCalls: number;
  onCall(listener: (call: FakeGraphCall) => void): () => void;
  reset(): void;
  close(): Promise<void>;
};

export type FakeGraphServerOptions = {
  port?: number;
  host?: string;
  version?: string;
  latencyMs?: number;
  /** Tokens the fake accepts; default: any non-empty token. */
  acceptToken?: (token: string) => boolean;
  onCall?: (call: FakeGraphCall) => void;
  /** Oldest calls are dropped past this many, so a long benchmark cannot exhaust memory. */
  maxRecordedCalls?: number;
};

type MetaErrorReply = { status: number; code: number; subcode?: number; message: string; type?: string; headers?: Record<string, string> };

const DEFAULT_BLOCK = {
  code: 2022,
  message:
    "People have been reporting content that your Page is sending. Out of the interest of our users, your Page has been blocked from sending messages via the Messenger Platform.",
};

function defaultMessageFor(code: number): string {
  switch (code) {
    case 4:
      return "(#4) Application request limit reached";
    case 17:
      return "(#17) User request limit reached";
    case 32:
      return "(#32) Page request limit reached";
    case 613:
      return "(#613) Calls to this api have exceeded the rate limit.";
    case 10:
      return "(#10) This message is sent outside of allowed window.";
    case 2:
      return "An unexpected error has occurred. Please retry your request later.";
    case 190:
      return "Invalid OAuth access token.";
    default:
      return `(#${code}) Simulated Graph API error`;
  }
}

function tokenFrom(req: IncomingMessage, query: URLSearchParams, body: Record<string, unknown> | null): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(auth);
    if (m) return m[1]!.trim();
  }
  const q = query.get("access_token");
  if (q) return q;
  const b = body?.access_token;
  return typeof b === "string" && b ? b : null;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> | null {
  if (raw === "") return {};
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    // Meta accepts form posts whose object fields are JSON strings.
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(raw)) {
      try {
        out[k] = v.startsWith("{") || v.startsWith("[") ? JSON.parse(v) : v;
      } catch {
        out[k] = v;
      }
    }
    return out;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Mirrors the Send API's validation of `message` closely enough to catch our own bugs. */
function validateMessage(message: Record<string, unknown>): string | null {
  const text = message.text;
  const attachment = asRecord(message.attachment);
  const template = asRecord(message.template);
  if (text === undefined && !attachment && !template) return "(#100) Message cannot be empty, must provide valid attachment or text";
  if (text !== undefined && (typeof text !== "string" || text.trim() === "")) return "(#100) Message cannot be empty, must provide valid attachment or text";
  if (typeof text === "string" && text.length > LIMITS.text) return "(#100) Length of param message[text] must be less than or equal to 2000";
  const quick = message.quick_replies;
  if (quick !== undefined) {
    if (!Array.isArray(quick) || quick.length === 0) return "(#100) param message[quick_replies] must be a non-empty array";
    if (quick.length > LIMITS.quickReplies) return "(#105) param message[quick_replies] has too many elements";
    for (const q of quick) {
      const r = asRecord(q);
      if (!r || typeof r.title !== "string" || Array.from(r.title).length > LIMITS.quickReplyTitle) return "(#100) param title must be at most 20 characters";
      if (typeof r.payload !== "string" || r.payload.length > LIMITS.payload) return "(#100) param payload must be a string of at most 1000 characters";
    }
  }
  if (attachment) {
    const payload = asRecord(attachment.payload);
    if (payload?.template_type === "button") {
      const buttons = payload.buttons;
      if (typeof payload.text !== "string" || Array.from(payload.text).length > LIMITS.buttonTemplateText) return "(#100) param message[attachment][payload][text] must be at most 640 characters";
      if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > LIMITS.buttons) return "(#105) param message[attachment][payload][buttons] must have 1 to 3 elements";
      for (const b of buttons) {
        const r = asRecord(b);
        if (!r || typeof r.title !== "string" || Array.from(r.title).length > LIMITS.buttonTitle) return "(#100) button title must be at most 20 characters";
        if (r.type === "web_url" && (typeof r.url !== "string" || !/^https?:\/\//.test(r.url))) return "(#100) param url must be a valid URL";
      }
    }
  }
  if (template && (typeof template.name !== "string" || !asRecord(template.language))) return "(#100) template requires name and language";
  return null;
}

export async function startFakeGraphServer(options: FakeGraphServerOptions = {}): Promise<FakeGraphServer> {
  const version = options.version ?? "v24.0";
  const host = options.host ?? "127.0.0.1";
  const maxRecordedCalls = options.maxRecordedCalls ?? 50_000;
  const acceptToken = options.acceptToken ?? ((t: string) => t.length > 0);
  const instance = randomBytes(3).toString("hex");
  let latencyMs = options.latencyMs ?? 0;
  let seq = 0;

  const calls: FakeGraphCall[] = [];
  const privateRepliesByComment = new Map<string, PrivateReplyRecord>();
  const commentReplies = new Map<string, CommentReplyRecord[]>();
  const commentAuthors = new Map<string, string>();
  const listedComments = new Map<string, ListedFakeComment[]>();

  const pageOfToken = new Map<string, string>();
  let app: { appId: string; appSecret: string } | null = null;
  const loginCodes = new Map<string, { login: FakeFacebookLogin; tokens: FakeLoginTokens; used: boolean }>();
  const userTokens = new Map<string, { login: FakeFacebookLogin; tokens: FakeLoginTokens; longLived: boolean }>();
  const tokenInfo = new Map<string, Partial<FakeTokenInfo>>();
  const revoked = new Set<string>();
  const liveVideos = new Map<string, FakeLiveVideo[]>();

  /**
   * GET /{object-id}/comments: pages of `limit`, the cursor is the position after the page's last comment.
   * For a comment: its replies, including the ones the Page posted through this fake (author: the Page).
   */
  function listComments(objectId: string, query: URLSearchParams, facts: Partial<FakeGraphCall>): Handled {
    const replies = (commentReplies.get(objectId) ?? []).map((r): ListedFakeComment => ({
      id: r.id,
      message: r.message,
      from: { id: (r.token && pageOfToken.get(r.token)) ?? "unknown-page", name: "Page" },
      created_time: new Date(r.time).toISOString(),
    }));
    const all = [...(listedComments.get(objectId) ?? []), ...replies];
    const start = Math.max(0, Number(Buffer.from(query.get("after") ?? "", "base64url").toString() || "0") || 0);
    const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? "25") || 25));
    const page = all.slice(start, start + limit);
    const end = start + page.length;
    const after = Buffer.from(String(end)).toString("base64url");
    const next = end < all.length ? `${"https://graph.facebook.com"}/${objectId}/comments?after=${after}` : undefined;
    return { status: 200, response: { data: page, paging: { cursors: { before: Buffer.from(String(start)).toString("base64url"), after }, ...(next && { next }) } }, facts };
  }

  const appOk = (clientId: string | null, secret: string | null) => !app || (clientId === app.appId && secret === app.appSecret);
  const OAUTH_ERROR = { status: 400, code: 1, type: "OAuthException", message: "Error validating client secret." } as const;

  /** GET /oauth/access_token: an authorization code (once) → a short-lived user token; fb_exchange_token → a long-lived one. */
  function handleOAuth(query: URLSearchParams, facts: Partial<FakeGraphCall>): Handled {
    if (!appOk(query.get("client_id"), query.get("client_secret"))) return fail(OAUTH_ERROR, facts);
    if (query.get("grant_type") === "fb_exchange_token") {
      const user = userTokens.get(query.get("fb_exchange_token") ?? "");
      if (!user || revoked.has(user.tokens.userToken)) return fail({ status: 400, code: 190, message: "Error validating access token: Session has expired." }, facts);
      return { status: 200, response: { access_token: user.tokens.longLivedToken, token_type: "bearer", expires_in: 5_183_944 }, facts };
    }
    const entry = loginCodes.get(query.get("code") ?? "");
    if (!entry) return fail({ status: 400, code: 100, subcode: 36007, message: "Invalid verification code format." }, facts);
    if (entry.used) return fail({ status: 400, code: 100, subcode: 36009, message: "This authorization code has been used." }, facts);
    if (!query.get("redirect_uri")) return fail({ status: 400, code: 100, message: "Missing redirect_uri parameter." }, facts);
    entry.used = true;
    return { status: 200, response: { access_token: entry.tokens.userToken, token_type: "bearer", expires_in: 5_400 }, facts };
  }

  /** What debug_token knows of a token: a login's tokens, a Page token it handed out, or any token the fake accepts (a Page token that never expires). */
  function describeToken(token: string): FakeTokenInfo {
    const now = Math.floor(Date.now() / 1000);
    let base: FakeTokenInfo = { is_valid: acceptToken(token), type: "PAGE", expires_at: 0, data_access_expires_at: now + 90 * 86_400, scopes: [...ALL_SCOPES] };
    const user = userTokens.get(token);
    if (user) base = { ...base, type: "USER", expires_at: now + (user.longLived ? 5_183_944 : 5_400), scopes: ALL_SCOPES.filter((sc) => !(user.login.declined ?? []).includes(sc)) };
    for (const u of userTokens.values()) {
      const pageId = Object.entries(u.tokens.pageTokens).find(([, t]) => t === token)?.[0];
      if (pageId) base = { ...base, type: "PAGE", profile_id: pageId, scopes: ALL_SCOPES.filter((sc) => !(u.login.declined ?? []).includes(sc)) };
    }
    const info = { ...base, ...tokenInfo.get(token) };
    if (revoked.has(token)) return { ...info, is_valid: false, scopes: [], error: { code: 190, subcode: 460, message: "The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons." } };
    return info;
  }

  /** GET /debug_token?input_token=…, with the app token `{app-id}|{app-secret}` as Meta requires. */
  function handleDebugToken(query: URLSearchParams, token: string, facts: Partial<FakeGraphCall>): Handled {
    if (app && token !== `${app.appId}|${app.appSecret}`) return fail({ status: 400, code: 190, message: "Invalid OAuth access token signature." }, facts);
    const input = query.get("input_token");
    if (!input) return fail({ status: 400, code: 100, message: "(#100) The parameter input_token is required" }, facts);
    const info = describeToken(input);
    return { status: 200, response: { data: { app_id: app?.appId ?? "0", application: "LiveStreamSell", issued_at: Math.floor(Date.now() / 1000) - 3600, ...info } }, facts };
  }

  /** GET /{page-id}/live_videos: the Page's live videos, newest first, filtered by `broadcast_status` (a JSON array, as Meta requires). */
  function handleLiveVideos(pageId: string, query: URLSearchParams, facts: Partial<FakeGraphCall>): Handled {
    let statuses: string[] | null = null;
    const raw = query.get("broadcast_status");
    if (raw) {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (!Array.isArray(parsed)) throw new Error("not an array");
        statuses = parsed.map(String);
      } catch {
        return fail({ status: 400, code: 100, message: "(#100) param broadcast_status must be an array." }, facts);
      }
    }
    const all = [...(liveVideos.get(pageId) ?? [])].reverse().filter((v) => !statuses || statuses.includes(v.status));
    const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? "25") || 25));
    return { status: 200, response: { data: all.slice(0, limit), paging: { cursors: { before: "MA", after: Buffer.from(String(Math.min(limit, all.length))).toString("base64url") } } }, facts };
  }

  /** The login (long-lived or not) a user token belongs to, or an error reply. */
  function userOf(token: string, facts: Partial<FakeGraphCall>): { login: FakeFacebookLogin; tokens: FakeLoginTokens } | Handled {
    const user = userTokens.get(token);
    if (!user || revoked.has(token)) return fail({ status: 400, code: 190, message: "Invalid OAuth access token - Cannot parse access token" }, facts);
    return user;
  }
  const blockedPages = new Map<string, { code: number; subcode?: number; message: string }>();
  let sendLimit: number | null = null;
  let rateLimited = 0;
  const sendTimes = new Map<string, number[]>();
  const failures: Array<FakeFailure & { remaining: number }> = [];
  const listeners = new Set<(call: FakeGraphCall) => void>();
  if (options.onCall) listeners.add(options.onCall);

  function takeFailure(path: string): (FakeFailure & { remaining: number }) | null {
    for (let i = 0; i < failures.length; i++) {
      const f = failures[i]!;
      const matches = f.path === undefined || (typeof f.path === "string" ? path.includes(f.path) : f.path.test(path));
      if (!matches) continue;
      f.remaining -= 1;
      if (f.remaining <= 0) failures.splice(i, 1);
      return f;
    }
    return null;
  }

  function record(call: FakeGraphCall) {
    calls.push(call);
    if (calls.length > maxRecordedCalls) calls.splice(0, calls.length - maxRecordedCalls);
    for (const listener of listeners) {
      try {
        listener(call);
      } catch {
        // A broken UI listener must not break the fake Graph API for everyone else.
      }
    }
  }

  function errorBody(e: MetaErrorReply) {
    return {
      error: {
        message: e.message,
        type: e.type ?? "OAuthException",
        code: e.code,
        ...(e.subcode !== undefined ? { error_subcode: e.subcode } : {}),
        fbtrace_id: `F${instance}${(seq + 1).toString(36)}`,
      },
    };
  }

  type Handled = { status: number; response: unknown; headers?: Record<string, string>; facts: Partial<FakeGraphCall> };

  function fail(e: MetaErrorReply, facts: Partial<FakeGraphCall> = {}): Handled {
    return { status: e.status, response: errorBody(e), headers: e.headers, facts };
  }

  const ROUTE = /^\/([^/]+)\/(messages|comments)$/;

  /** What a request is about, without side effects: used for recording even when it fails. */
  function factsFor(method: string, path: string, body: Record<string, unknown> | null): Partial<FakeGraphCall> {
    const m = ROUTE.exec(path);
    if (method !== "POST" || !m || !body) return { kind: "unknown" };
    const id = decodeURIComponent(m[1]!);
    if (m[2] === "comments") {
      return { kind: "comment_reply", commentId: id, ...(typeof body.message === "string" ? { message: body.message } : {}) };
    }
    const recipient = asRecord(body.recipient);
    const message = asRecord(body.message);
    const idOf = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : null);
    const commentId = recipient ? idOf(recipient.comment_id) : null;
    const psid = recipient ? idOf(recipient.id) : null;
    return {
      kind: commentId ? "private_reply" : "message",
      pageId: id,
      ...(commentId ? { commentId } : {}),
      ...(psid ? { psid } : {}),
      ...(typeof body.messaging_type === "string" ? { messagingType: body.messaging_type } : {}),
      ...(message ? { message: message as MetaMessage } : {}),
    };
  }

  function handleMessages(pageId: string, body: Record<string, unknown>, facts: Partial<FakeGraphCall>): Handled {
    const message = asRecord(body.message);
    const { commentId, psid } = facts;
    if (!commentId && !psid) return fail({ status: 400, code: 100, message: "(#100) The parameter recipient is required" }, facts);
    if (!message) return fail({ status: 400, code: 100, message: "(#100) Must send either message or state" }, facts);
    const invalid = validateMessage(message);
    if (invalid) return fail({ status: 400, code: invalid.startsWith("(#105)") ? 105 : 100, message: invalid }, facts);
    if (!commentId) {
      const type = body.messaging_type;
      if (type !== "RESPONSE" && type !== "UPDATE" && type !== "MESSAGE_TAG" && type !== "UTILITY") {
        return fail({ status: 400, code: 100, message: "(#100) The parameter messaging_type is required" }, facts);
      }
      if (type === "MESSAGE_TAG" && typeof body.tag !== "string") return fail({ status: 400, code: 100, message: "(#100) Param tag is required for MESSAGE_TAG" }, facts);
    }
    const blocked = blockedPages.get(pageId);
    if (blocked) return fail({ status: 400, ...blocked }, facts);

    const now = Date.now();
    if (sendLimit !== null) {
      const recent = (sendTimes.get(pageId) ?? []).filter((t) => t > now - 1000);
      sendTimes.set(pageId, recent);
      if (recent.length >= sendLimit) {
        rateLimited++;
        return fail({ status: 400, code: 613, message: defaultMessageFor(613) }, facts);
      }
      recent.push(now);
    }
    const messageId = `m_${instance}_${(seq + 1).toString(36)}`;
    if (commentId) {
      if (privateRepliesByComment.has(commentId)) {
        return fail({ status: 400, code: 10900, message: "(#10900) Activity already replied to" }, facts);
      }
      const recipientId = commentAuthors.get(commentId) ?? `psid_${commentId}`;
      privateRepliesByComment.set(commentId, { pageId, commentId, recipientId, messageId, message: message as MetaMessage, time: now });
      return { status: 200, response: { recipient_id: recipientId, message_id: messageId }, facts: { ...facts, psid: recipientId } };
    }
    return { status: 200, response: { recipient_id: psid, message_id: messageId }, facts };
  }

  function handleCommentReply(commentId: string, body: Record<string, unknown>, facts: Partial<FakeGraphCall>, token: string | null): Handled {
    const message = body.message;
    if (typeof message !== "string" || message.trim() === "") {
      return fail({ status: 400, code: 100, message: "(#100) Missing message or attachment" }, facts);
    }
    const list = commentReplies.get(commentId) ?? [];
    const id = `${commentId}_r${list.length + 1}`;
    list.push({ id, commentId, message, time: Date.now(), token });
    commentReplies.set(commentId, list);
    return { status: 200, response: { id }, facts };
  }

  function route(method: string, path: string, body: Record<string, unknown>, token: string | null, facts: Partial<FakeGraphCall>, query = new URLSearchParams()): Handled {
    if (method === "GET" && path === "/oauth/access_token") return handleOAuth(query, { ...facts, kind: "oauth" });
    if (token === null) return fail({ status: 400, code: 104, message: "An access token is required to request this resource." }, facts);
    if (method === "GET" && path === "/debug_token") return handleDebugToken(query, token, { ...facts, kind: "debug_token" });
    if (!acceptToken(token) || revoked.has(token)) return fail({ status: 400, code: 190, message: revoked.has(token) ? "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons." : "Invalid OAuth access token." }, facts);
    if (method === "GET" && (path === "/me/accounts" || path === "/me/permissions")) {
      const user = userOf(token, facts);
      if ("status" in user) return user;
      if (path === "/me/permissions") {
        const declined = user.login.declined ?? [];
        return { status: 200, response: { data: ALL_SCOPES.map((permission) => ({ permission, status: declined.includes(permission) ? "declined" : "granted" })) }, facts: { ...facts, kind: "permissions" } };
      }
      const pages = user.login.pages.map((p) => ({ id: p.id, name: p.name, category: "Shopping & retail", tasks: ["MODERATE", "MESSAGING", "ANALYZE", "ADVERTISE", "CREATE_CONTENT", "MANAGE"], access_token: user.tokens.pageTokens[p.id]! }));
      return { status: 200, response: { data: pages, paging: { cursors: { before: "MA", after: "MA" } } }, facts: { ...facts, kind: "accounts" } };
    }
    const edge = /^\/([^/]+)\/(live_videos|subscribed_apps)$/.exec(path);
    if (edge && method === "GET" && edge[2] === "live_videos") return handleLiveVideos(decodeURIComponent(edge[1]!), query, { ...facts, kind: "live_videos", pageId: decodeURIComponent(edge[1]!) });
    if (edge && method === "POST" && edge[2] === "subscribed_apps") {
      pageOfToken.set(token, decodeURIComponent(edge[1]!));
      return { status: 200, response: { success: true }, facts: { ...facts, kind: "subscribed_apps", pageId: decodeURIComponent(edge[1]!) } };
    }
    const m = ROUTE.exec(path);
    if (method === "GET" && m && m[2] === "comments") return listComments(decodeURIComponent(m[1]!), query, { ...facts, kind: "comments_list" });
    if (method === "POST" && m) {
      const id = decodeURIComponent(m[1]!);
      if (m[2] === "messages") {
        pageOfToken.set(token, id);
        return handleMessages(id, body, facts);
      }
      return handleCommentReply(id, body, facts, token);
    }
    return fail({
      status: 400,
      code: 100,
      subcode: 33,
      type: "GraphMethodException",
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${path.split("/")[1] ?? ""}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    });
  }

  function respond(res: ServerResponse, status: number, payload: unknown, headers?: Record<string, string>) {
    const text = JSON.stringify(payload);
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const full = new URL(req.url ?? "/", "http://fake");
      // Accept any version prefix so a URL copied from the real Graph API works unchanged.
      const path = full.pathname.replace(/^\/v\d+(?:\.\d+)?(?=\/)/, "");
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = parseBody(raw, req.headers["content-type"]);
      const token = tokenFrom(req, full.searchParams, body);

      const finish = () => {
        const failure = takeFailure(path);
        const facts = factsFor(method, path, body);
        if (failure?.drop) {
          req.socket.destroy();
          record({ ...facts, seq: ++seq, method, path, kind: facts.kind ?? "unknown", body, token, time: Date.now(), status: 0, response: null });
          return;
        }
        let handled: Handled;
        if (body === null) {
          handled = fail({ status: 400, code: 100, message: "(#100) Invalid JSON body" }, facts);
        } else if (failure && !failure.dropAnswer) {
          const code = failure.code ?? 2;
          const status = failure.status ?? (code === 1 || code === 2 ? 500 : 400);
          handled = fail({ status, code, subcode: failure.subcode, message: failure.message ?? defaultMessageFor(code), headers: failure.headers }, facts);
        } else {
          handled = route(method, path, body, token, facts, full.searchParams);
        }
        if (failure?.dropAnswer) req.socket.destroy();
        else respond(res, handled.status, handled.response, handled.headers);
        record({
          ...handled.facts,
          seq: ++seq,
          method,
          path,
          kind: handled.facts.kind ?? "unknown",
          body,
          token,
          time: Date.now(),
          status: handled.status,
          response: handled.response,
        });
      };
      if (latencyMs > 0) setTimeout(finish, latencyMs);
      else finish();
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;

  return {
    url: `${origin}/${version}`,
    origin,
    calls,
    privateRepliesByComment,
    commentReplies,
    failNext(failure) {
      failures.push({ ...failure, remaining: Math.max(1, failure.times ?? 1) });
    },
    blockMessaging(pageId, error) {
      blockedPages.set(pageId, {
        code: error?.code ?? DEFAULT_BLOCK.code,
        ...(error?.subcode !== undefined ? { subcode: error.subcode } : {}),
        message: error?.message ?? (error?.code !== undefined ? defaultMessageFor(error.code) : DEFAULT_BLOCK.message),
      });
    },
    unblockMessaging(pageId) {
      blockedPages.delete(pageId);
    },
    registerPageToken({ pageId, token }) {
      pageOfToken.set(token, pageId);
    },
    registerCommentAuthor({ commentId, psid }) {
      commentAuthors.set(commentId, psid);
    },
    addComment(objectId, comment) {
      const list = listedComments.get(objectId) ?? [];
      list.push(comment);
      listedComments.set(objectId, list);
    },
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    configureApp(next) {
      app = { ...next };
    },
    addFacebookLogin(login) {
      const tag = `${login.code.replace(/[^\w-]/g, "").slice(0, 24)}-${randomBytes(4).toString("hex")}`;
      const tokens: FakeLoginTokens = {
        userToken: `EAAfake-user-${tag}`,
        longLivedToken: `EAAfake-long-${tag}`,
        pageTokens: Object.fromEntries(login.pages.map((p) => [p.id, `EAAfake-page-${p.id}-${tag}`])),
      };
      loginCodes.set(login.code, { login, tokens, used: false });
      userTokens.set(tokens.userToken, { login, tokens, longLived: false });
      userTokens.set(tokens.longLivedToken, { login, tokens, longLived: true });
      for (const [pageId, token] of Object.entries(tokens.pageTokens)) pageOfToken.set(token, pageId);
      return tokens;
    },
    setTokenInfo(token, info) {
      tokenInfo.set(token, { ...tokenInfo.get(token), ...info });
    },
    revokeToken(token) {
      revoked.add(token);
    },
    addLiveVideo(pageId, video) {
      const list = liveVideos.get(pageId) ?? [];
      list.push(video);
      liveVideos.set(pageId, list);
    },
    limitSendRate(perSecond) {
      sendLimit = perSecond;
      sendTimes.clear();
    },
    get rateLimitedCalls() {
      return rateLimited;
    },
    onCall(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reset() {
      calls.length = 0;
      privateRepliesByComment.clear();
      commentReplies.clear();
      pageOfToken.clear();
      commentAuthors.clear();
      listedComments.clear();
      app = null;
      loginCodes.clear();
      userTokens.clear();
      tokenInfo.clear();
      revoked.clear();
      liveVideos.clear();
      blockedPages.clear();
      failures.length = 0;
      sendLimit = null;
      rateLimited = 0;
      sendTimes.clear();
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
