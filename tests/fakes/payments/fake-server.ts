import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// Shared plumbing of the provider fakes: a loopback node:http server on an ephemeral port that
// records every request (so tests assert on exactly what was sent) and can be told to fail or stall.

export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
  /** The body parsed as a form, when it is `application/x-www-form-urlencoded`. */
  form: URLSearchParams | null;
};

export type FakeResponse = { status: number; body?: unknown; headers?: Record<string, string> };

export type FakeServer = {
  url: string;
  /** Every request received, oldest first, including the ones answered with an injected failure. */
  requests: FakeRequest[];
  /** The next `n` requests answer 500 without touching state (a provider outage). */
  failNext(n: number): void;
  /** The next `n` requests are answered only after `ms` (a slow provider, for timeout tests). */
  delayNext(n: number, ms: number): void;
  close(): Promise<void>;
};

export async function startFakeServer(
  handle: (req: FakeRequest, baseUrl: string) => FakeResponse | Promise<FakeResponse>,
  outageBody: unknown,
): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  let failures = 0;
  let delays: { n: number; ms: number } = { n: 0, ms: 0 };
  let baseUrl = "";

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const rawBody = Buffer.concat(chunks).toString("utf8");
        const url = new URL(req.url ?? "/", baseUrl);
        const contentType = String(req.headers["content-type"] ?? "");
        const fake: FakeRequest = {
          method: req.method ?? "GET",
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          rawBody,
          json: parseJson(rawBody),
          form: contentType.startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(rawBody) : null,
        };
        requests.push(fake);
        if (delays.n > 0) {
          delays = { n: delays.n - 1, ms: delays.ms };
          await new Promise((r) => setTimeout(r, delays.ms));
        }
        let out: FakeResponse;
        if (failures > 0) {
          failures -= 1;
          out = { status: 500, body: outageBody };
        } else {
          try {
            out = await handle(fake, baseUrl);
          } catch (err) {
            out = { status: 500, body: { message: err instanceof Error ? err.message : String(err) } };
          }
        }
        const headers: Record<string, string> = { ...out.headers };
        let payload = "";
        if (out.body !== undefined) {
          if (typeof out.body === "string") {
            payload = out.body;
            headers["content-type"] ??= "text/html; charset=utf-8";
          } else {
            payload = JSON.stringify(out.body);
            headers["content-type"] ??= "application/json";
          }
        }
        if (!res.destroyed) res.writeHead(out.status, headers).end(payload);
      })();
    });
  });
  // Stalled responses must not keep the process alive after close().
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    requests,
    failNext(n) {
      failures = n;
    },
    delayNext(n, ms) {
      delays = { n, ms };
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

export function json(status: number, body: unknown): FakeResponse {
  return { status, body };
}

export function redirect(location: string): FakeResponse {
  return { status: 302, headers: { location } };
}

/** Splits a path like /v2/checkout/orders/ABC/capture against a pattern with :params. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/");
  const a = path.split("/");
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(":")) params[p[i]!.slice(1)] = decodeURIComponent(a[i]!);
    else if (p[i] !== a[i]) return null;
  }
  return params;
}

export function header(req: FakeRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** POSTs to a target (our webhook route in tests) and returns what it answered. */
export async function deliver(args: { url: string; headers: Record<string, string>; body: string }): Promise<{ status: number; body: string }> {
  const res = await fetch(args.url, { method: "POST", headers: args.headers, body: args.body });
  return { status: res.status, body: await res.text() };
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
