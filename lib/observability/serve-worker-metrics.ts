import { createServer, type Server } from "node:http";
import { metrics } from "./metrics";

/**
 * The job worker's own metrics: `/metrics.json` for the web server's /metrics (which adds them to its own,
 * so one scrape shows the whole app) and `/metrics` in Prometheus text for a scraper that reaches the
 * worker directly (deploy/compose.yml: workers in containers of their own). Loopback only unless
 * WORKER_METRICS_HOST says otherwise (never exposed publicly).
 */
export function serveWorkerMetrics(port: number, host = "127.0.0.1"): Server {
  const { registry } = metrics();
  const server = createServer((req, res) => {
    const answer = req.method !== "GET" ? null : req.url === "/metrics.json" ? "json" : req.url === "/metrics" ? "text" : null;
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    const body = answer === "json" ? registry.getMetricsAsJSON().then((m) => JSON.stringify(m)) : registry.metrics();
    void body.then(
      (text) => res.writeHead(200, { "content-type": answer === "json" ? "application/json" : registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  server.listen(port, host);
  return server;
}
