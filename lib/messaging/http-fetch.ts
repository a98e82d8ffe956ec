import http from "node:http";
import https from "node:https";

/** The part of `Response` the Graph client reads. */
export type LightResponse = { ok: boolean; status: number; headers: { get(name: string): string | null }; text(): Promise<string> };

/**
 * A small `fetch` for the Graph client over node:http(s) with kept-alive connections. Measured on the
 * hot path, Node's built-in fetch (undici + web streams) was the largest single CPU cost of sending a
 * reply; this does the same POST with a fraction of the work. Only what the Graph client uses is
 * supported: method, headers, a string body, an AbortSignal; the answer is read whole as text.
 */
export function createKeepAliveFetch({ maxSockets = 128, idleMs = 4_000 }: { maxSockets?: number; idleMs?: number } = {}) {
  // Idle sockets are dropped before a typical 5 s server keep-alive timeout closes them under us.
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: 32, timeout: idleMs, scheduling: "lifo" }),
    "https:": new https.Agent({ keepAlive: true, maxSockets, maxFreeSockets: 32, timeout: idleMs, scheduling: "lifo" }),
  };

  function once(url: URL, init: RequestInit, body: string | undefined): Promise<LightResponse> {
    return new Promise((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason ?? new Error("aborted"));
      const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      const mod = url.protocol === "https:" ? https : http;
      const agent = agents[url.protocol as "http:" | "https:"];
      const req = mod.request(url, { method: init.method ?? "GET", headers, agent });
      const onAbort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => signal?.removeEventListener("abort", onAbort);
      req.on("error", (error: Error & { reusedSocket?: boolean }) => {
        done();
        error.reusedSocket = req.reusedSocket;
        reject(error);
      });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (error) => {
          done();
          reject(error);
        });
        res.on("end", () => {
          done();
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          resolve({
            ok: status >= 200 && status < 300,
            status,
            headers: {
              get(name: string) {
                const v = res.headers[name.toLowerCase()];
                return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
              },
            },
            text: async () => text,
          });
        });
      });
      req.end(body);
    });
  }

  return async function keepAliveFetch(input: string | URL, init: RequestInit = {}): Promise<LightResponse> {
    const url = typeof input === "string" ? new URL(input) : input;
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    try {
      return await once(url, init, body);
    } catch (error) {
      // A kept-alive socket the server closed while idle: the request most likely never reached it; a read
      // is tried once more on a fresh socket. A POST is not: the same error is what a server that did the
      // work and then lost the connection gives, and repeating a public reply or a DM would double it —
      // the caller decides (the Graph client retries what Meta deduplicates and reconciles the rest).
      const e = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
      const read = (init.method ?? "GET").toUpperCase() === "GET";
      if (read && e.reusedSocket && (e.code === "ECONNRESET" || e.code === "EPIPE") && !init.signal?.aborted) return once(url, init, body);
      throw error;
    }
  };
}
