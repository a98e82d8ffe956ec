// The development stand-in for Meta's Graph API: a local server answering the endpoints the product
// calls, used by the embedded default (FAKE_GRAPH), the in-app simulator, the benchmark and tests.
// It is never used when META_GRAPH_API_URL points at Meta: the product only talks to it when that
// variable points here. It answers with Meta-shaped bodies and errors, enforces Meta's one private
// reply per comment, and tells listeners what "the bot sent". It sits on the benchmark's hot path,
// so each request is a JSON parse, a Map lookup and a write: no per-request allocation beyond that.
//
// One file per endpoint family: server.ts (HTTP, recording, the handle), route.ts (which family answers),
// state.ts (what the server remembers), request.ts (token, body, facts), replies.ts (Meta error bodies),
// messaging.ts (Send API, private replies), comments.ts (public replies, comment reads), oauth.ts
// (oauth/access_token, debug_token, me/permissions, me/accounts), pages.ts (live_videos, subscribed_apps),
// rate-limit.ts (the (#613) ceiling per Page), faults.ts (failNext, blocked Pages).

export { startFakeGraphServer } from "./server";
export type { FakeGraphCall, FakeGraphServer } from "./types";
