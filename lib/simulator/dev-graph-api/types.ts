// The shapes the development Graph API speaks: what it records per call, what tests and the simulator can
// tell it (logins, live videos, failures), and the server handle startFakeGraphServer returns.

import type { MetaMessage } from "@/lib/meta/messages";

type FakeGraphCallKind = "comment_reply" | "private_reply" | "message" | "comments_list" | "oauth" | "debug_token" | "accounts" | "permissions" | "live_videos" | "subscribed_apps" | "unknown";

/** A live video of a Page as GET /{page-id}/live_videos lists it (status as Meta spells it: LIVE, SCHEDULED_UNPUBLISHED, VOD, …). */
export type FakeLiveVideo = { id: string; title?: string; status: string; creation_time?: string; broadcast_start_time?: string; permalink_url?: string };

/** What GET /debug_token says about a token (Meta's field names; times in Unix seconds, expires_at 0 = never). */
export type FakeTokenInfo = { is_valid: boolean; type?: "USER" | "PAGE" | "APP"; expires_at?: number; data_access_expires_at?: number; scopes?: string[]; profile_id?: string; error?: { code: number; message: string; subcode?: number } };

/** A Facebook Login the fake will honour: the code, the Pages the person manages and the permissions they declined. */
export type FakeFacebookLogin = { code: string; pages: { id: string; name: string }[]; declined?: string[] };

/** The tokens a FakeFacebookLogin produced (what the product should end up holding). */
export type FakeLoginTokens = { userToken: string; longLivedToken: string; pageTokens: Record<string, string> };

/** A comment as GET /{object-id}/comments lists it (what the webhook may or may not have delivered). */
export type ListedFakeComment = { id: string; message: string; from?: { id: string; name?: string }; created_time: string };

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

export type FakeFailure = {
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

export type PrivateReplyRecord = {
  pageId: string;
  commentId: string;
  recipientId: string;
  messageId: string;
  message: MetaMessage;
  time: number;
};

/** A public reply the Page posted under a comment; `token` is the Page token it was posted with. */
export type CommentReplyRecord = { id: string; commentId: string; message: string; time: number; token: string | null };

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
