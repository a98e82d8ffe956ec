/**
 * The production engine's bench (`npm run bench`, alone with BENCH_ONLY=inngest): comment → DM on a
 * real Inngest server — `inngest dev`, and a self-hosted `inngest start` persisting to the same
 * embedded PostgreSQL (signing and event keys as in production) — paced at each of BENCH_INNGEST_RATE comments/min
 * (default 300 and 1,000) for BENCH_SECONDS. One process plays the app: comments are stored by the webhook's
 * own ingestion code (ingestMetaEvents: comment + outbox row in one statement; the HTTP ack in front of
 * it is measured by the local-driver runs), the outbox relay hands them to Inngest, and Inngest calls
 * the production /api/inngest handlers (served by a small HTTP server) which talk to the fake Graph API.
 * Where the time goes is measured per comment: stored → handed to Inngest (relay), → first call of the
 * function (Inngest), the handlers' own time (app), and the rest (Inngest between steps and around calls).
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { startFakeGraphServer } from "../lib/simulator/dev-graph-api";
import { findInngestBin, inngestServer, serveInngestHandlers } from "../tests/helpers/inngest-engine";
import { RUN_SECONDS, SECRETS, findRedisBin, pct, processCpuMs, round, seedStore, sleep, startBenchPostgres, startRedis, stats } from "./setup";

/** Comments/min, one measured run per rate and engine: a pace the 2-core machine serves, and the issue's target rate. */
const RATES = (process.env.BENCH_INNGEST_RATE ?? "300,1000").split(",").map(Number);
/**
 * The self-hosted server's queue poll interval (ms) and executor workers (Inngest's defaults: 150 and 100).
 * Measured at 300/min on the 2-core machine: tick 150 / 100 workers p50/p95 257/431 ms, tick 50 / 20 workers
 * 188/319, tick 20 / 20 workers and tick 10 / 100 workers fell behind (p95 18–27 s): a short tick with many
 * workers spends the CPU on polling.
 */
const TICK_MS = Number(process.env.BENCH_INNGEST_TICK_MS ?? 50);
const QUEUE_WORKERS = Number(process.env.BENCH_INNGEST_WORKERS ?? 20);
/**
 * The self-hosted server's PostgreSQL pool: as many connections kept idle as it may open. With Inngest's
 * defaults (100 open, 10 kept idle) every connection above the 10th is closed when it is returned and opened
 * again at the next burst: 1,274 new connections (a backend fork and a password exchange each) for 500
 * comments at 1,000/min, and the server fell 30 s behind. BENCH_INNGEST_PG_CONNS=default measures that.
 */
const PG_CONNS = process.env.BENCH_INNGEST_PG_CONNS ?? "30";
const POSTGRES_POOL_ARGS = PG_CONNS === "default" ? [] : ["--postgres-max-open-conns", PG_CONNS, "--postgres-max-idle-conns", PG_CONNS];

/** CPU time (ms) used so far by the Inngest server listening at `url` (its processes, from /proc). */
function inngestCpuMs(url: string) {
  const port = new URL(url).port;
  let ms = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (!args.includes("--port") || args[args.indexOf("--port") + 1] !== port || !args.includes("--tick")) continue;
      ms += processCpuMs(Number(pid));
    } catch {
      // the process ended while we read it
    }
  }
  return ms;
}

/**
 * CPU time (ms) used so far by PostgreSQL backends connected to `database` (from /proc; a backend's cmdline
 * is "postgres: <user> <database> ..."). Backends that already ended are not counted, so the runs keep their
 * pools open (see the connections each run opened).
 */
function postgresCpuMs(database: string) {
  let ms = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const words = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim().split(/\s+/);
      if (words[0] === "postgres:" && words[2] === database) ms += processCpuMs(Number(pid));
    } catch {
      // the process ended while we read it
    }
  }
  return ms;
}

type Mode = { name: string; args: (pgUrl: string) => string[]; env: Record<string, string>; tickMs: number; redis?: boolean };

async function runInngestBench() {
  const bin = findInngestBin();
  if (!bin) {
    console.warn("[bench] *** Inngest runs SKIPPED: no Inngest binary ($INNGEST_BIN, ../shared/tools/inngest-server, inngest on the PATH) ***");
    return null;
  }
  const db = await startBenchPostgres({ prefix: "lss-bench-inngest-pg" });
  const graph = await startFakeGraphServer({ maxRecordedCalls: 100_000 });
  const results: Record<string, unknown>[] = [];
  try {
    const server = db.server;
    Object.assign(process.env, SECRETS, { DATABASE_URL: `${server}/bench`, META_GRAPH_API_URL: graph.url, APP_URL: "http://127.0.0.1:3999", RESERVATION_TTL_SECONDS: "1800", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
    const { prisma, disconnectPrisma } = await import("../lib/db");
    const { ingestMetaEvents } = await import("../lib/pipeline/ingest-meta-events");
    const { createInngestHandlers } = await import("../lib/jobs/inngest-serve");
    const { startInngestRelay } = await import("../lib/jobs/inngest-relay");
    const { getInngestClient } = await import("../lib/jobs");
    const { jobFunctions } = await import("../inngest/functions");

    const signingKey = randomBytes(32).toString("hex");
    const modes: Mode[] = [
      { name: "inngest dev", args: () => ["dev", "--no-discovery", "--no-poll"], env: { INNGEST_DEV: "1" }, tickMs: Number(process.env.BENCH_INNGEST_DEV_TICK_MS ?? 150) },
      {
        name: "inngest start (self-hosted, PostgreSQL)",
        args: (pgUrl) => ["start", "--postgres-uri", pgUrl, "--event-key", "bench-event-key", "--signing-key", signingKey, "--queue-workers", String(QUEUE_WORKERS), ...POSTGRES_POOL_ARGS, "--no-ui"],
        env: { INNGEST_EVENT_KEY: "bench-event-key", INNGEST_SIGNING_KEY: `signkey-prod-${signingKey}` },
        tickMs: TICK_MS,
      },
      // As deployed (deploy/compose.yml): the queue and state in a Redis of its own rather than the
      // server's built-in in-memory one. Runs when redis-server is installed (Debian: redis-server).
      {
        name: "inngest start (self-hosted, PostgreSQL + Redis)",
        args: (pgUrl) => ["start", "--postgres-uri", pgUrl, "--event-key", "bench-event-key", "--signing-key", signingKey, "--queue-workers", String(QUEUE_WORKERS), ...POSTGRES_POOL_ARGS, "--no-ui"],
        env: { INNGEST_EVENT_KEY: "bench-event-key", INNGEST_SIGNING_KEY: `signkey-prod-${signingKey}` },
        tickMs: TICK_MS,
        redis: true,
      },
    ];
    const redisBin = findRedisBin();
    const only = process.env.BENCH_INNGEST_MODES?.split(",");
    for (const [i, mode] of modes.entries()) {
      if (only && !only.includes(String(i))) continue;
      if (mode.redis && !redisBin) {
        console.warn(`[bench] *** ${mode.name} SKIPPED: no redis-server (BENCH_REDIS_BIN or the PATH) ***`);
        continue;
      }
      const redis = mode.redis ? await startRedis(redisBin!) : null;
      await db.createDatabase(`inngest${i}`);
      for (const k of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "INNGEST_BASE_URL"]) delete process.env[k];
      // Per comment: when its function was first called, how long the handlers ran, how many calls.
      const calls = new Map<string, { first: number; handlerMs: number; n: number }>();
      const app = await serveInngestHandlers(() => createInngestHandlers(jobFunctions), {
        observe({ method, body, startedAt, ms }) {
          if (method !== "POST") return;
          let commentId: string | undefined;
          try {
            commentId = (JSON.parse(body.toString()) as { event?: { data?: { commentId?: string } } }).event?.data?.commentId;
          } catch {
            return;
          }
          if (!commentId) return;
          const c = calls.get(commentId);
          if (c) {
            c.handlerMs += ms;
            c.n++;
          } else calls.set(commentId, { first: startedAt, handlerMs: ms, n: 1 });
        },
      });
      const args = mode.args(`${server}/inngest${i}`);
      const inngest = await inngestServer({ bin, appUrl: app.url, mode: redis ? [...args, "--redis-uri", redis.uri] : args, tickMs: mode.tickMs, cwd: mkdtempSync(join(tmpdir(), "lss-bench-inngest-")) });
      // Calls the SDK makes to Inngest from inside the handlers (checkpoints), counted and timed.
      const checkpoints = { n: 0, ms: 0 };
      const realFetch = globalThis.fetch;
      globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
        const url = String(input instanceof Request ? input.url : input);
        if (!url.startsWith(inngest.url) || url.includes("/e/")) return realFetch(input, init);
        const t = performance.now();
        try {
          return await realFetch(input, init);
        } finally {
          checkpoints.n++;
          checkpoints.ms += performance.now() - t;
        }
      }) as typeof fetch;
      process.env = { ...process.env, ...mode.env, INNGEST_BASE_URL: inngest.url };
      await inngest.start();
      // The relay, with every send timed: when each event was handed to Inngest.
      const client = getInngestClient();
      const relayed = new Map<string, { start: number; end: number }>();
      const relay = startInngestRelay({
        client: {
          send: (async (payload: { id: string }[]) => {
            const start = Date.now();
            const r = await client.send(payload as never);
            const end = Date.now();
            for (const e of payload) relayed.set(e.id, { start, end });
            return r;
          }) as never,
        },
        listenConnectionString: process.env.DATABASE_URL!,
        logger: { info() {}, debug() {}, warn: (...a: unknown[]) => console.warn("[bench relay]", ...a), error: (...a: unknown[]) => console.error("[bench relay]", ...a) },
      });
      try {
        for (const rate of RATES) {
          const seed = (name: string) => seedStore(prisma, name, [{ sku: "A12", name: "Polera roja", stock: 1_000_000 }]);
          const texts = ["quiero A12", "SOLD A12", "me llevo 2 de la A12", "A12 x1 porfa", "I'll take A12"];
          const paced = async (target: Awaited<ReturnType<typeof seed>>, n: number, perMinute: number, tag: string) => {
            const interval = 60_000 / perMinute;
            const t0 = performance.now();
            const inflight: Promise<unknown>[] = [];
            for (let k = 0; k < n; k++) {
              const wait = t0 + k * interval - performance.now();
              if (wait > 0) await sleep(wait);
              const id = `${tag}_${k}_${randomBytes(3).toString("hex")}`;
              inflight.push(ingestMetaEvents([{ type: "comment", pageId: target.pageId, commentId: id, postId: target.postId, from: { id: String(7_000_000 + (k % 200)), name: `Buyer ${k % 200}` }, message: texts[k % texts.length]!, createdTime: new Date() }]));
            }
            await Promise.all(inflight);
            const deadline = Date.now() + 120_000;
            while (Date.now() < deadline && (await prisma.comment.count({ where: { storeId: target.store.id, status: { in: ["RECEIVED", "PROCESSING"] } } })) > 0) await sleep(250);
          };
          // Warm-up (unmeasured): the serve handler's modules and JIT, the pools, Inngest's app sync.
          await paced(await seed("warm-up"), 60, 1200, "warm");
          const target = await seed(`measured-${rate}`);
          const total = Math.round((rate / 60) * RUN_SECONDS);
          const load = loadavg()[0]!;
          checkpoints.n = 0;
          checkpoints.ms = 0;
          // The server's CPU includes its Redis, where the queue's work goes when it has one.
          const serverCpuMs = () => inngestCpuMs(inngest.url) + (redis?.cpuMs() ?? 0);
          // Connections opened to each database during the run (a new backend costs a fork and a password exchange).
          const sessions = async () => new Map((await prisma.$queryRaw<{ datname: string; sessions: bigint }[]>`SELECT datname, sessions FROM pg_stat_database WHERE datname IN ('bench', ${`inngest${i}`})`).map((r) => [r.datname, Number(r.sessions)]));
          const sessionsBefore = await sessions();
          const cpuBefore = { app: process.cpuUsage(), inngest: serverCpuMs(), appDb: postgresCpuMs("bench"), inngestDb: postgresCpuMs(`inngest${i}`) };
          await paced(target, total, rate, `run${rate}`);
          const appCpu = process.cpuUsage(cpuBefore.app);
          const inngestCpu = serverCpuMs() - cpuBefore.inngest;
          const appDbCpu = postgresCpuMs("bench") - cpuBefore.appDb;
          const inngestDbCpu = postgresCpuMs(`inngest${i}`) - cpuBefore.inngestDb;
          const sessionsAfter = await sessions();
          const connectionsOpened = Object.fromEntries([...sessionsAfter].map(([db, n]) => [db === "bench" ? "app" : "inngest", n - (sessionsBefore.get(db) ?? 0)]));
          const comments = await prisma.comment.findMany({ where: { storeId: target.store.id }, select: { id: true, receivedAt: true, dmSentAt: true, status: true } });
          const withDm = comments.filter((c) => c.dmSentAt);
          const dm = withDm.map((c) => c.dmSentAt!.getTime() - c.receivedAt.getTime());
          // When the slow ones arrived: comment → DM p95 per 5 s of arrival.
          const t0 = Math.min(...withDm.map((c) => c.receivedAt.getTime()));
          const per5s: number[][] = [];
          for (const c of withDm) (per5s[Math.floor((c.receivedAt.getTime() - t0) / 5000)] ??= []).push(c.dmSentAt!.getTime() - c.receivedAt.getTime());
          const parts = { to_relay_ms: [] as number[], inngest_event_api_ms: [] as number[], to_first_call_ms: [] as number[], first_call_to_dm_ms: [] as number[], handlers_ms: [] as number[], calls: [] as number[] };
          for (const c of withDm) {
            const r = relayed.get(`comment:${c.id}`);
            const f = calls.get(c.id);
            if (!r || !f) continue;
            const received = c.receivedAt.getTime();
            parts.to_relay_ms.push(r.start - received);
            parts.inngest_event_api_ms.push(r.end - r.start);
            parts.to_first_call_ms.push(f.first - r.end);
            parts.handlers_ms.push(f.handlerMs);
            parts.first_call_to_dm_ms.push(c.dmSentAt!.getTime() - f.first);
            parts.calls.push(f.n);
          }
          const result = {
            engine: mode.name,
            tick_ms: mode.tickMs,
            per_minute: rate,
            comments: total,
            stored: comments.length,
            dms: withDm.length,
            processed: comments.filter((c) => c.status === "PROCESSED").length,
            comment_to_dm_ms: stats(dm),
            breakdown_p50_p95: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [round(pct(v, 50)), round(pct(v, 95))]])),
            dm_p95_per_5s: [...per5s].map((v) => (v ? round(pct(v, 95)) : null)),
            checkpoint_calls_per_comment: round(checkpoints.n / Math.max(1, total)),
            checkpoint_ms_mean: round(checkpoints.ms / Math.max(1, checkpoints.n)),
            // CPU time per comment, which a loaded machine does not stretch like latencies: this process (the app's
            // ingestion, relay and handlers, plus the small load generator), the Inngest server's processes, and the
            // PostgreSQL backends of each side (the app's database, and the one Inngest keeps its history in).
            cpu_ms_per_comment: { app: round((appCpu.user + appCpu.system) / 1000 / total), inngest_server: round(inngestCpu / total), app_postgres: round(appDbCpu / total), inngest_postgres: round(inngestDbCpu / total) },
            postgres_connections_opened: connectionsOpened,
            load_average_1m: round(load),
            load_average_1m_after: round(loadavg()[0]!),
          };
          console.log("[bench] Inngest:", JSON.stringify(result));
          results.push(result);
        }
      } finally {
        globalThis.fetch = realFetch;
        await relay.stop();
        await inngest.stop();
        await app.close();
        await redis?.stop();
      }
    }
    // Both pools (Prisma's and the hot path's), before the database stops under them.
    await disconnectPrisma();
  } finally {
    await graph.close();
    await db.stop();
  }
  const dir = "bench/results";
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  writeFileSync(join(dir, "inngest-latest.json"), JSON.stringify({ at, seconds: RUN_SECONDS, results }, null, 2));
  return results;
}

// `npm run bench` runs this file in a process of its own (see bench/run.ts); `tsx bench/inngest.ts` alone too.
runInngestBench().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
