/**
 * `npm start` / `npm run dev`: everything a fresh machine needs, then Next.js.
 * - no DATABASE_URL → embedded PostgreSQL under .data/ (stopped cleanly on exit) and generated dev secrets;
 * - migrations applied (offline-capable, see scripts/prisma-migrate.mjs);
 * - default plans and the first superadmin;
 * - `start` builds first when there is no build, then serves the production app.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { setPriority } from "node:os";
import { loadOrCreateDevSecrets } from "../lib/dev-secrets";
import { databaseUrl, processSettings } from "../lib/env";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { freePort } from "./free-port";
import { Supervisor } from "./supervisor";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const settings = processSettings();
const DATA_DIR = settings.dataDir;
const port = settings.port;
const childEnv: Record<string, string | undefined> = { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
let appDatabaseUrl: string | null = null;

function log(msg: string) {
  console.log(`[livestreamsell] ${msg}`);
}

// Every child runs under the supervisor (scripts/supervisor.ts): the worker and the embedded PostgreSQL
// are restarted with backoff when they die, the web server's death stops everything with a non-zero code.
const supervisor = new Supervisor({ log, stopTimeoutMs: 15_000 });
void supervisor.done.then((code) => {
  log(code === 0 ? "stopped" : `stopped (exit code ${code})`);
  process.exit(code);
});
const shutdown = async (code: number): Promise<never> => {
  await supervisor.stop(code);
  return new Promise<never>(() => {}); // supervisor.done exits the process
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void supervisor.stop(0));

async function main() {
  const embedded = !databaseUrl();
  if (embedded) {
    // Local, self-contained mode: secrets generated once into .data/ (production deployments set their own).
    const secrets = loadOrCreateDevSecrets(DATA_DIR);
    for (const [k, v] of Object.entries(secrets)) childEnv[k] ||= v;
    const t0 = Date.now();
    const db = await startEmbeddedPostgres(DATA_DIR);
    // Restarted when it dies (the app answers 503 meanwhile and reconnects by itself); stopped last, with SIGINT.
    await supervisor.add(
      {
        name: "embedded PostgreSQL",
        start: db.start,
        restart: { baseMs: 500, maxMs: 10_000, maxRestarts: 10, windowMs: 120_000 },
        stopSignal: "SIGINT",
        stopOrder: 1,
        onStart: (child, restarts) => {
          if (restarts > 0) log(`embedded PostgreSQL restarted (pid ${child.pid})`);
        },
      },
      db.server,
    );
    childEnv.DATABASE_URL = db.url;
    appDatabaseUrl = db.socketUrl;
    log(`embedded PostgreSQL ready in ${Date.now() - t0} ms (data in ${join(DATA_DIR, "pg")})`);
    if (!childEnv.META_GRAPH_API_URL) {
      // No real Meta app: the simulator's built-in fake Graph API answers the bot's calls.
      const graphPort = await freePort();
      childEnv.FAKE_GRAPH = "1";
      childEnv.FAKE_GRAPH_PORT = String(graphPort);
      childEnv.META_GRAPH_API_URL = `http://127.0.0.1:${graphPort}/v24.0`;
    }
    log(`Meta webhook: verify token ${childEnv.META_VERIFY_TOKEN}, app secret ${childEnv.META_APP_SECRET} (development values)`);
  }
  childEnv.APP_URL ||= `http://localhost:${port}`;
  childEnv.NEXTAUTH_URL ||= childEnv.APP_URL;
  childEnv.NEXTAUTH_SECRET ||= childEnv.AUTH_SECRET;
  if (mode === "start") childEnv.NODE_ENV = "production";

  // Fail before serving anything when production configuration is incomplete.
  const { parseEnv, EnvError } = await import("../lib/env");
  try {
    parseEnv(childEnv);
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(`[livestreamsell] ${e.message}`);
      await shutdown(1);
    }
    throw e;
  }

  const migrate = spawnSync(process.execPath, ["scripts/prisma-migrate.mjs", "deploy"], { env: childEnv as NodeJS.ProcessEnv, stdio: "inherit" });
  if (migrate.status !== 0) {
    console.error("[livestreamsell] migrations failed");
    await shutdown(1);
  }

  process.env.DATABASE_URL = childEnv.DATABASE_URL;
  // The web server and the worker reach the embedded database over its Unix socket (see embedded-postgres.ts).
  if (appDatabaseUrl) childEnv.DATABASE_URL = appDatabaseUrl;
  const { bootstrapPlatform } = await import("../lib/admin/bootstrap");
  const { disconnectPrisma } = await import("../lib/db");
  const { createdAdmin } = await bootstrapPlatform({ adminEmail: settings.adminEmail, adminPassword: settings.adminPassword });
  await disconnectPrisma();
  if (createdAdmin) {
    log(`superadmin created: ${createdAdmin.email}${createdAdmin.password ? ` / password: ${createdAdmin.password}  (shown once — change it after signing in)` : ""}`);
  }

  const nextBin = join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  if (mode === "start" && buildIsStale()) {
    log("no up-to-date production build: running `next build` (about a minute)");
    const build = spawnSync(process.execPath, [nextBin, "build"], { env: { ...childEnv, NODE_ENV: "production" } as NodeJS.ProcessEnv, stdio: "inherit" });
    if (build.status !== 0) await shutdown(build.status ?? 1);
  }
  // The job worker runs in a process of its own (scripts/worker.ts), started first and at a lower CPU
  // priority, so that on a small machine processing comments never delays the web server's answers
  // to Meta or to sellers. SEPARATE_WORKER=0 runs the jobs inside the web server instead. Deployments
  // scale the same shape out: web instances with LOCAL_JOBS=0 plus any number of workers.
  // Under Inngest the worker runs the relay that delivers the event outbox to Inngest (and the sweeper).
  if (settings.separateWorker && childEnv.LOCAL_JOBS !== "0") {
    childEnv.WORKER_METRICS_PORT ||= String(await freePort());
    const workerEnv = { ...childEnv } as NodeJS.ProcessEnv;
    // The web server listens once the worker says it is warm and claiming (scripts/worker.ts), so the first
    // comments after a restart are not stored faster than anything takes them; both start up meanwhile.
    // Bounded: a worker slower than WORKER_READY_TIMEOUT_MS to start does not keep the app from serving.
    let workerReady!: () => void;
    const ready = new Promise<void>((resolve) => (workerReady = resolve));
    // A crashed worker is restarted with backoff (its jobs' leases run out and are taken again); five
    // crashes in five minutes stop everything with a non-zero code.
    await supervisor.add({
      name: "job worker",
      start: () => {
        const child = spawn(process.execPath, [...profileArgs, "--import", "tsx", "scripts/worker.ts"], { env: workerEnv, stdio: ["inherit", "inherit", "inherit", "ipc"] });
        child.on("message", (m: { type?: string }) => m?.type === "worker-ready" && workerReady());
        child.once("exit", () => workerReady());
        return child;
      },
      restart: { baseMs: 1_000, maxMs: 30_000, maxRestarts: 5, windowMs: 300_000 },
      onStart: (child) => {
        try {
          if (child.pid) setPriority(child.pid, settings.workerNice);
        } catch {
          // Not permitted here: the worker keeps the default priority.
        }
      },
    });
    childEnv.LOCAL_JOBS = "0";
    const t0 = Date.now();
    const timeoutMs = settings.workerReadyTimeoutMs;
    workerGate = Promise.race([ready.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), timeoutMs).unref())]).then((timedOut) =>
      log(timedOut ? `job worker not ready after ${timeoutMs} ms: the web server listens anyway` : `job worker ready in ${Date.now() - t0} ms`),
    );
  }
  // Production: scripts/server.ts (Next.js plus the webhook fast path). Development: `next dev`.
  const webArgs = mode === "dev"
    ? [nextBin, "dev", "-p", String(port), ...(settings.hostnameBind ? ["-H", settings.hostnameBind] : [])]
    : [...profileArgs, "--import", "tsx", "scripts/server.ts"];
  const webEnv = { ...childEnv } as NodeJS.ProcessEnv;
  // The web server is not restarted: its death stops everything with a non-zero code (the process manager restarts the app).
  const gate = mode === "start" ? workerGate : null;
  await supervisor.add({
    name: "web server",
    start: () => {
      // With a gate, scripts/server.ts asks over its IPC channel before it listens; the answer comes once the worker is ready.
      const child = spawn(process.execPath, webArgs, { env: webEnv, stdio: gate ? ["inherit", "inherit", "inherit", "ipc"] : "inherit" });
      child.on("message", (m: { type?: string }) => {
        if (m?.type === "may-listen?") void gate?.then(() => child.connected && child.send({ type: "listen" }, () => child.connected && child.disconnect()));
      });
      return child;
    },
  });
  log(`serving on ${childEnv.APP_URL}`);
}

/** Resolves once the worker process is warm and claiming, or its start-up wait timed out (null: no worker process). */
let workerGate: Promise<void> | null = null;

// CPU profiles of the web server and the worker, written when they exit (benchmark investigations).
const profileArgs = settings.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${settings.cpuProfileDir}`] : [];

/** The production build is missing or older than the newest source file (e.g. after a pull). */
function buildIsStale() {
  const buildId = join(process.cwd(), ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const newest = (dir: string): number => {
    if (!existsSync(dir)) return 0;
    let max = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }
    return max;
  };
  const sources = ["app", "components", "lib", "inngest", "public", "prisma"].map((d) => newest(join(process.cwd(), d)));
  const configs = ["next.config.ts", "package.json", "instrumentation.ts"].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0));
  return Math.max(...sources, ...configs) > builtAt;
}

main().catch(async (e) => {
  console.error(e);
  await shutdown(1);
});
