/**
 * The production web server `npm start` runs: Next.js behind a plain node:http server that answers
 * Meta's webhook POST itself. Meta expects its 200 within seconds and a busy live sends hundreds of
 * deliveries per second; going through Next's router, request wrapping and streaming body reader cost
 * several times the work of verifying and storing the delivery. The fast path calls exactly the code
 * of the route (lib/pipeline/meta-webhook.ts), so both answer identically; everything else, including
 * the subscription GET, is Next's.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { processSettings, usesInngest } from "../lib/env";
import { readNodeRequestBody } from "../lib/http/body";
import { toErrorResponse } from "../lib/http/errors";
import { checkApiPath } from "../lib/http/input-guards";
import { logger } from "../lib/observability/logger";
import { requestIdFrom, runWithRequestContext } from "../lib/observability/request-context";
import { META_WEBHOOK_LIMIT_BYTES, receiveMetaWebhook } from "../lib/pipeline/meta-webhook";
import { rehearseWebhooks } from "../lib/pipeline/rehearse-webhooks";

// The fast path queues each stored comment's job in the statement that stores it, routed by the static
// table of lib/jobs/routes.ts: nothing to register here. The job functions themselves run in the worker
// (instrumentation.ts or scripts/worker.ts passes them in where it starts).

const { port, hostnameBind: hostname } = processSettings();
/** Pooled connections opened before listening: about what the webhook fast path uses under a busy live. */
const WEB_WARM_CONNECTIONS = 8;
/** Synthetic webhook deliveries per warmed connection. */
const WEB_REHEARSAL_DELIVERIES = 20;
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();

const JSON_HEADERS = {
  "content-type": "application/json",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cache-control": "no-store",
};

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function metaWebhook(req: IncomingMessage, res: ServerResponse) {
  try {
    const rawBody = await readNodeRequestBody(req, META_WEBHOOK_LIMIT_BYTES);
    const header = req.headers["x-hub-signature-256"];
    send(res, 200, await receiveMetaWebhook({ rawBody, signature: Array.isArray(header) ? header[0] : header }));
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    send(res, status, body);
  }
}

await app.prepare();
// Take traffic with the database pool open: the first webhook deliveries after a start (a deploy during a
// live) do not each wait for a new connection's authentication and backend start-up.
// Each of those connections then takes synthetic signed deliveries through the webhook's own code in a
// rolled-back transaction (lib/pipeline/rehearse-webhooks.ts): its statements planned, the code compiled.
await Promise.all(Array.from({ length: WEB_WARM_CONNECTIONS }, () => rehearseWebhooks({ deliveries: WEB_REHEARSAL_DELIVERIES }))).catch((err: unknown) =>
  logger.warn({ err }, "web server warm-up incomplete"),
);
const server = createServer((req, res) => {
  // The connection's address, for rate limits (lib/http/client-address.ts); a client cannot set it.
  req.headers["x-lss-client-ip"] = req.socket.remoteAddress ?? "";
  // Every answer carries X-Request-Id (an incoming plain one is kept); log lines of the work it starts carry it too.
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  res.setHeader("x-request-id", requestId);
  runWithRequestContext({ request_id: requestId }, () => {
    if (req.method === "POST" && (req.url === "/api/webhooks/meta" || req.url?.startsWith("/api/webhooks/meta?"))) {
      void metaWebhook(req, res);
      return;
    }
    // A malformed percent-encoding or a NUL in an API path: JSON 4xx here, before the router sees it.
    const rejected = req.url?.startsWith("/api/") ? checkApiPath(req.url) : null;
    if (rejected) {
      send(res, rejected.status, rejected.body);
      return;
    }
    void handle(req, res);
  });
});
server.keepAliveTimeout = 65_000;
// Under `npm start` (scripts/run.ts) the launcher holds the listen until its job worker is warm and claiming
// (asked over this process's IPC channel; answered when the worker is ready or the launcher stopped waiting):
// Next.js and the pool above start up meanwhile, and the first comments after a restart find a worker.
if (process.send) {
  const answered = new Promise<void>((resolve) => process.once("message", () => resolve()));
  process.send({ type: "may-listen?" });
  await answered;
}
server.listen(port, hostname, () => {
  logger.info({ port, host: hostname ?? "*" }, "web server listening");
  // Under Inngest, steps run in this process's /api/inngest: load it (the SDK, every job function and
  // what they import) now rather than in Inngest's first call, which a live's first comment would wait for.
  if (usesInngest()) void fetch(`http://${hostname ?? "127.0.0.1"}:${port}/api/inngest`).catch(() => undefined);
});

// The in-process job worker (SEPARATE_WORKER=0) finishes or hands back its running jobs first.
const runtime = globalThis as unknown as { __lssRuntime?: { stop(): Promise<void> } };
function stop() {
  setTimeout(() => process.exit(0), 12_000).unref();
  server.close();
  void (runtime.__lssRuntime?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
