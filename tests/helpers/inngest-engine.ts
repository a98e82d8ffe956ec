import { fork, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@/scripts/free-port";

/**
 * The real Inngest server for tests: `$INNGEST_BIN`, else `shared/tools/inngest-server` beside the
 * repository or one of its parents (`../shared/tools/` from a fresh clone, as in CI; a worktree sits
 * one level deeper), else `inngest` on the PATH. Null when none exists.
 */
export function findInngestBin(): string | null {
  if (process.env.INNGEST_BIN) return existsSync(process.env.INNGEST_BIN) ? process.env.INNGEST_BIN : null;
  for (let dir = resolve(process.cwd(), ".."), i = 0; i < 3; dir = dirname(dir), i++) {
    const candidate = join(dir, "shared", "tools", "inngest-server");
    if (existsSync(candidate)) return candidate;
  }
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "inngest"))) return join(dir, "inngest");
  }
  return null;
}

export interface InngestDevServer {
  /** The server's base URL (INNGEST_BASE_URL). */
  url: string;
  /** Kills the server (an outage); its in-memory state is gone, as after any dev-server restart. */
  stop(): Promise<void>;
  /** Starts it again on the same ports and syncs the app. */
  start(): Promise<void>;
}

/**
 * `inngest dev` on free ports (its API, Connect gateway and gRPC ports: helpers and CI jobs may run
 * several), told about the app's serve URL. Not started yet: point INNGEST_BASE_URL at `url`, then
 * `start()` (which also syncs the app: its functions registered).
 */
export async function inngestDev({ bin, appUrl, tickMs = 20 }: { bin: string; appUrl: string; tickMs?: number }): Promise<InngestDevServer> {
  return inngestServer({ bin, appUrl, mode: ["dev", "--no-discovery", "--no-poll"], tickMs });
}

/**
 * `inngest dev` or a self-hosted `inngest start` (mode: its leading arguments, e.g. `["start",
 * "--postgres-uri", …, "--event-key", …, "--signing-key", …]`) on free ports, not started yet.
 */
export async function inngestServer({ bin, appUrl, mode, tickMs = 20, extraArgs = [], cwd }: { bin: string; appUrl: string; mode: string[]; tickMs?: number; extraArgs?: string[]; cwd?: string }): Promise<InngestDevServer> {
  const [port, gateway, gatewayGrpc, executorGrpc] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = "";
  const args = [
    ...mode, "-u", appUrl, "--host", "127.0.0.1", "--port", String(port), "--tick", String(tickMs),
    "--connect-gateway-port", String(gateway), "--connect-gateway-grpc-port", String(gatewayGrpc), "--connect-executor-grpc-port", String(executorGrpc),
    "--log-level", "warn", ...extraArgs,
  ];
  const start = async () => {
    output = "";
    child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"], ...(cwd && { cwd }) });
    child.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`inngest dev exited (${child.exitCode}): ${output}`);
      const up = await fetch(`${url}/health`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`inngest dev did not start within 60 s: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await syncApp(appUrl, url);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
  };
  process.once("exit", () => child?.kill("SIGKILL"));
  return { url, stop, start };
}

/** Asks the app to register its functions with the server (what a deploy's sync does), until the server lists them. */
async function syncApp(appUrl: string, inngestUrl: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await fetch(appUrl, { method: "PUT" }).catch((e: Error) => ({ ok: false, status: 0, text: async () => e.message }));
    if (res.ok) {
      const listed = await fetch(`${inngestUrl}/dev`).then((r) => (r.ok ? (r.json() as Promise<{ functions?: unknown[] }>) : null), () => null);
      if (!listed || (listed.functions?.length ?? 1) > 0) return;
    }
    if (Date.now() > deadline) throw new Error(`syncing the app with inngest dev failed: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Serves the app's /api/inngest handlers (the production serve code) on a free port; returns its URL.
 * The handlers are built on the first request, like the route does (after the environment is set).
 */
export async function serveInngestHandlers(
  build: () => { GET: unknown; POST: unknown; PUT: unknown },
  { observe, port: fixedPort = 0 }: { observe?: (call: { method: string; body: Buffer; startedAt: number; ms: number }) => void; port?: number } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  let byMethod: Record<string, Handler> | null = null;
  const server = createServer(async (req, res) => {
    try {
      if (!byMethod) {
        const handlers = build();
        byMethod = { GET: handlers.GET as Handler, POST: handlers.POST as Handler, PUT: handlers.PUT as Handler };
      }
      const handler = byMethod[req.method ?? ""];
      if (!handler) {
        res.writeHead(405).end();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const startedAt = Date.now();
      const t0 = performance.now();
      const { port } = server.address() as AddressInfo;
      const request = new Request(`http://127.0.0.1:${port}${req.url}`, {
        method: req.method,
        headers: toHeaders(req.headers),
        ...(req.method !== "GET" && { body: Buffer.concat(chunks) }),
      });
      const response = await handler(request, { params: Promise.resolve({}) });
      const answer = Buffer.from(await response.arrayBuffer());
      observe?.({ method: req.method ?? "", body: Buffer.concat(chunks), startedAt, ms: performance.now() - t0 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(answer);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(fixedPort, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/inngest`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

/**
 * The app's Inngest side — its /api/inngest handlers on `port` and the outbox relay — as a child process
 * (tests/helpers/jobs/inngest-app.ts) with this process's environment, so a test can SIGKILL it and
 * start it again on the same URL. `start()` resolves once it serves.
 */
export function inngestAppProcess(port: number) {
  let child: ChildProcess | null = null;
  return {
    url: `http://127.0.0.1:${port}/api/inngest`,
    async start() {
      const next = fork(fileURLToPath(new URL("./jobs/inngest-app.ts", import.meta.url)), [], {
        execArgv: ["--import", "tsx"],
        env: { ...process.env, INNGEST_APP_PORT: String(port), LOG_LEVEL: "silent" },
        // The SDK logs every failed step (expected while a test kills things): kept, not printed.
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
      let errors = "";
      next.stderr?.on("data", (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
      await new Promise<void>((resolve, reject) => {
        next.once("message", () => resolve());
        next.once("exit", (code, signal) => reject(new Error(`the app exited while starting (${code ?? signal}): ${errors}`)));
      });
      child = next;
    },
    /** SIGKILL (a crash); resolves once it is gone. */
    async kill() {
      const current = child;
      child = null;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise((r) => current.once("exit", r));
      current.kill("SIGKILL");
      await exited;
    },
  };
}
