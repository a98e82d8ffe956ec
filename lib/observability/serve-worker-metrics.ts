import { createServer, type Server } from "node:http";
import { metrics } from "./metrics";

/** The job worker shows its registry to the web server's /metrics on a loopback port (never public). */
export function serveWorkerMetrics(port: number): Server {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/metrics.json") {
      res.writeHead(404).end();
      return;
    }
    void metrics()
      .registry.getMetricsAsJSON()
      .then((body) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      });
  });
  server.listen(port, "127.0.0.1");
  return server;
}
