// The HTTP server: reads each request (any version prefix), applies an injected failure or routes it to
// its endpoint family, answers (after the configured latency), records the call and tells listeners; and
// the handle tests, the simulator and the bench drive it with.

import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { addComment } from "./comments";
import { blockMessaging, injectedFailure, queueFailure, takeFailure } from "./faults";
import { addFacebookLogin } from "./oauth";
import { addLiveVideo } from "./pages";
import { limitSendRate } from "./rate-limit";
import { fail, type Handled } from "./replies";
import { factsFor, parseBody, tokenFrom } from "./request";
import { route } from "./route";
import { createFakeGraphState, recordCall, resetFakeGraphState } from "./state";
import type { FakeGraphServer, FakeGraphServerOptions } from "./types";

function respond(res: ServerResponse, status: number, payload: unknown, headers?: Record<string, string>) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function startFakeGraphServer(options: FakeGraphServerOptions = {}): Promise<FakeGraphServer> {
  const version = options.version ?? "v24.0";
  const host = options.host ?? "127.0.0.1";
  const state = createFakeGraphState(options);

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
        const failure = takeFailure(state, path);
        const facts = factsFor(method, path, body);
        if (failure?.drop) {
          req.socket.destroy();
          recordCall(state, { ...facts, seq: ++state.seq, method, path, kind: facts.kind ?? "unknown", body, token, time: Date.now(), status: 0, response: null });
          return;
        }
        let handled: Handled;
        if (body === null) {
          handled = fail(state, { status: 400, code: 100, message: "(#100) Invalid JSON body" }, facts);
        } else if (failure && !failure.dropAnswer) {
          handled = injectedFailure(state, failure, facts);
        } else {
          handled = route(state, method, path, body, token, facts, full.searchParams);
        }
        if (failure?.dropAnswer) req.socket.destroy();
        else respond(res, handled.status, handled.response, handled.headers);
        recordCall(state, {
          ...handled.facts,
          seq: ++state.seq,
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
      if (state.latencyMs > 0) setTimeout(finish, state.latencyMs);
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
    calls: state.calls,
    privateRepliesByComment: state.privateRepliesByComment,
    commentReplies: state.commentReplies,
    failNext: (failure) => queueFailure(state, failure),
    blockMessaging: (pageId, error) => blockMessaging(state, pageId, error),
    unblockMessaging(pageId) {
      state.blockedPages.delete(pageId);
    },
    registerPageToken({ pageId, token }) {
      state.pageOfToken.set(token, pageId);
    },
    registerCommentAuthor({ commentId, psid }) {
      state.commentAuthors.set(commentId, psid);
    },
    addComment: (objectId, comment) => addComment(state, objectId, comment),
    setLatency(ms) {
      state.latencyMs = Math.max(0, ms);
    },
    configureApp(next) {
      state.app = { ...next };
    },
    addFacebookLogin: (login) => addFacebookLogin(state, login),
    setTokenInfo(token, info) {
      state.tokenInfo.set(token, { ...state.tokenInfo.get(token), ...info });
    },
    revokeToken(token) {
      state.revoked.add(token);
    },
    addLiveVideo: (pageId, video) => addLiveVideo(state, pageId, video),
    limitSendRate: (perSecond) => limitSendRate(state, perSecond),
    get rateLimitedCalls() {
      return state.rateLimited;
    },
    onCall(listener) {
      state.listeners.add(listener);
      return () => {
        state.listeners.delete(listener);
      };
    },
    reset: () => resetFakeGraphState(state),
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
