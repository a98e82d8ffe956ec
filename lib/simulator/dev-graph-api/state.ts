// Everything one fake Graph server remembers, in one object the endpoint families share (each family
// touches only its own fields), and the call log every answered request is written to.

import { randomBytes } from "node:crypto";
import type {
  CommentReplyRecord,
  FakeFacebookLogin,
  FakeFailure,
  FakeGraphCall,
  FakeGraphServerOptions,
  FakeLiveVideo,
  FakeLoginTokens,
  FakeTokenInfo,
  ListedFakeComment,
  PrivateReplyRecord,
} from "./types";

export type FakeGraphState = {
  /** Random per server: message ids and fbtrace_ids of two servers never collide. */
  readonly instance: string;
  /** The last recorded call's number; error bodies and message ids use seq + 1 (the call being answered). */
  seq: number;
  latencyMs: number;
  readonly maxRecordedCalls: number;
  readonly acceptToken: (token: string) => boolean;
  readonly calls: FakeGraphCall[];
  readonly listeners: Set<(call: FakeGraphCall) => void>;
  // Error injection and the Send API ceiling (faults.ts, rate-limit.ts).
  readonly failures: Array<FakeFailure & { remaining: number }>;
  readonly blockedPages: Map<string, { code: number; subcode?: number; message: string }>;
  sendLimit: number | null;
  rateLimited: number;
  readonly sendTimes: Map<string, number[]>;
  // Messaging (messaging.ts).
  readonly privateRepliesByComment: Map<string, PrivateReplyRecord>;
  readonly commentAuthors: Map<string, string>;
  // Comments (comments.ts); pageOfToken is learnt from messages, subscribed_apps and logins.
  readonly commentReplies: Map<string, CommentReplyRecord[]>;
  readonly listedComments: Map<string, ListedFakeComment[]>;
  readonly pageOfToken: Map<string, string>;
  // OAuth and tokens (oauth.ts).
  app: { appId: string; appSecret: string } | null;
  readonly loginCodes: Map<string, { login: FakeFacebookLogin; tokens: FakeLoginTokens; used: boolean }>;
  readonly userTokens: Map<string, { login: FakeFacebookLogin; tokens: FakeLoginTokens; longLived: boolean }>;
  readonly tokenInfo: Map<string, Partial<FakeTokenInfo>>;
  readonly revoked: Set<string>;
  // Live videos (pages.ts).
  readonly liveVideos: Map<string, FakeLiveVideo[]>;
};

export function createFakeGraphState(options: FakeGraphServerOptions): FakeGraphState {
  const state: FakeGraphState = {
    instance: randomBytes(3).toString("hex"),
    seq: 0,
    latencyMs: options.latencyMs ?? 0,
    maxRecordedCalls: options.maxRecordedCalls ?? 50_000,
    acceptToken: options.acceptToken ?? ((t: string) => t.length > 0),
    calls: [],
    listeners: new Set(),
    failures: [],
    blockedPages: new Map(),
    sendLimit: null,
    rateLimited: 0,
    sendTimes: new Map(),
    privateRepliesByComment: new Map(),
    commentAuthors: new Map(),
    commentReplies: new Map(),
    listedComments: new Map(),
    pageOfToken: new Map(),
    app: null,
    loginCodes: new Map(),
    userTokens: new Map(),
    tokenInfo: new Map(),
    revoked: new Set(),
    liveVideos: new Map(),
  };
  if (options.onCall) state.listeners.add(options.onCall);
  return state;
}

/** Forgets everything but the listeners, the latency and the call numbering (the arrays and maps are cleared in place: the server handle exposes them). */
export function resetFakeGraphState(state: FakeGraphState): void {
  state.calls.length = 0;
  state.privateRepliesByComment.clear();
  state.commentReplies.clear();
  state.pageOfToken.clear();
  state.commentAuthors.clear();
  state.listedComments.clear();
  state.app = null;
  state.loginCodes.clear();
  state.userTokens.clear();
  state.tokenInfo.clear();
  state.revoked.clear();
  state.liveVideos.clear();
  state.blockedPages.clear();
  state.failures.length = 0;
  state.sendLimit = null;
  state.rateLimited = 0;
  state.sendTimes.clear();
}

export function recordCall(state: FakeGraphState, call: FakeGraphCall): void {
  const { calls } = state;
  calls.push(call);
  if (calls.length > state.maxRecordedCalls) calls.splice(0, calls.length - state.maxRecordedCalls);
  for (const listener of state.listeners) {
    try {
      listener(call);
    } catch {
      // A broken UI listener must not break the fake Graph API for everyone else.
    }
  }
}
