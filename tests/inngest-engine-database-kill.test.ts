import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db";
import { INNGEST_OUTBOX } from "@/lib/jobs/inngest-outbox";
import { ingestMetaEvents } from "@/lib/pipeline/ingest-meta-events";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { startEmbeddedPostgres } from "@/scripts/embedded-postgres";
import { freePort } from "@/scripts/free-port";
import { Supervisor } from "@/scripts/supervisor";
import { reloadEnv } from "./helpers/env";
import { findInngestBin, inngestAppProcess, inngestDev, type InngestDevServer } from "./helpers/inngest-engine";
import { seedStore } from "./helpers/seed";

/**
 * The embedded PostgreSQL killed (SIGKILL) during traffic, with Inngest running the functions: the
 * database is the app's own supervised one (scripts/supervisor.ts restarts it, as `npm start` does) with
 * the production settings — not the suite's shared server, which other files use and which runs without
 * fsync. Nobody restarts anything by hand; Meta re-sends a delivery that did not get its 200.
 */
const bin = findInngestBin();
if (!bin) console.warn("\n*** REAL-ENGINE DATABASE-KILL TEST DID NOT RUN: no Inngest binary ($INNGEST_BIN, ../shared/tools/inngest-server, or inngest on the PATH) ***\n");

let dir: string;
let supervisor: Supervisor;
const supervisorLog: string[] = [];
let graph: FakeGraphServer;
let inngest: InngestDevServer;
let app: ReturnType<typeof inngestAppProcess>;

async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => null);
    if (value !== null && check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!bin)("the embedded PostgreSQL killed during traffic on the real Inngest engine", () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lss-inngest-pg-kill-"));
    supervisor = new Supervisor({ log: (m) => supervisorLog.push(m), stopTimeoutMs: 10_000 });
    const db = await startEmbeddedPostgres(dir);
    await supervisor.add({ name: "embedded PostgreSQL", start: db.start, restart: { baseMs: 200, maxMs: 2_000, maxRestarts: 10, windowMs: 60_000 }, stopSignal: "SIGINT", stopOrder: 1 }, db.server);
    execFileSync(process.execPath, ["scripts/prisma-migrate.mjs", "deploy"], { env: { ...process.env, DATABASE_URL: db.url }, stdio: "ignore" });
    process.env.DATABASE_URL = db.url;
    graph = await startFakeGraphServer();
    process.env.META_GRAPH_API_URL = graph.url;
    process.env.APP_URL = "http://localhost:3999";
    process.env.INNGEST_DEV = "1";
    app = inngestAppProcess(await freePort());
    inngest = await inngestDev({ bin: bin!, appUrl: app.url });
    process.env.INNGEST_BASE_URL = inngest.url;
    reloadEnv();
    await app.start();
    await inngest.start();
  }, 120_000);

  afterAll(async () => {
    await app?.kill();
    await inngest?.stop();
    await graph?.close();
    await disconnectPrisma();
    await supervisor?.stop(0);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("killed while comments arrive and replies go out: it comes back by itself, every comment is processed once with one public and one private reply, every order's lifecycle announced", async () => {
    const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 50, keywords: ["polera"], color: "rojo", size: "M" }] });
    const ids = Array.from({ length: 20 }, (_, i) => `c_pgkill_${i}_${Date.now()}`);
    let accepted = 0;
    graph.onCall((call) => void (call.kind === "private_reply" && call.status === 200 && accepted++));
    let killedPid: number | undefined;
    const killDatabase = () => {
      const server = supervisor.processOf("embedded PostgreSQL")!;
      killedPid = server.pid;
      server.kill("SIGKILL");
    };

    // Meta's side: each comment is delivered, one every 100 ms, and delivered again until it is stored.
    let redeliveries = 0;
    for (const [i, commentId] of ids.entries()) {
      if (i === 10) {
        // Half-way: killed once replies are going out (runs are then mid-step).
        await until(async () => accepted, (n) => n >= 3, 30_000);
        killDatabase();
      }
      const event = { type: "comment" as const, pageId: seeded.pageId, commentId, postId: seeded.live.fbPostId!, from: { id: String(8e14 + i), name: "Ana" }, message: "quiero la A12", createdTime: new Date() };
      for (;;) {
        const stored = await ingestMetaEvents([event]).then(() => true, () => false);
        if (stored) break;
        redeliveries++;
        await new Promise((r) => setTimeout(r, 300));
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(killedPid).toBeDefined();
    expect(supervisor.processOf("embedded PostgreSQL")!.pid).not.toBe(killedPid);
    expect(supervisorLog.join("\n")).toMatch(/embedded PostgreSQL exited unexpectedly \(killed by SIGKILL\): restarting/);

    const outcome = async () => {
      const comments = await prisma.comment.findMany({ where: { metaCommentId: { in: ids } }, select: { id: true, status: true } });
      return { stored: comments.length, processed: comments.filter((c) => c.status === "PROCESSED").length, statuses: comments.map((c) => c.status) };
    };
    const done = await until(outcome, (o) => o.processed === 20, 150_000);
    await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would arrive now
    expect(done.stored).toBe(20);
    for (const id of ids) {
      expect(graph.commentReplies.get(id) ?? [], `public replies of ${id}`).toHaveLength(1);
      expect(graph.calls.filter((c) => c.kind === "private_reply" && c.status === 200 && JSON.stringify(c.body).includes(id)), `private replies of ${id}`).toHaveLength(1);
    }
    const messages = await prisma.outboundMessage.findMany({ where: { storeId: seeded.store.id }, select: { status: true } });
    expect(messages.map((m) => m.status)).toEqual(Array.from({ length: 40 }, () => "SENT"));
    const orders = await prisma.order.findMany({ where: { storeId: seeded.store.id }, select: { id: true, status: true } });
    expect(orders.map((o) => o.status)).toEqual(ids.map(() => "PENDING"));
    expect((await prisma.product.findFirstOrThrow({ where: { storeId: seeded.store.id } })).reserved).toBe(20);
    const announced = await until(
      () => prisma.job.findMany({ where: { functionId: INNGEST_OUTBOX, eventName: "order/created" }, select: { status: true, payload: true } }),
      (rows) => rows.length === 20 && rows.every((r) => r.status === "COMPLETED"),
      10_000,
    );
    expect(new Set(announced.map((a) => (a.payload as { data: { orderId: string } }).data.orderId))).toEqual(new Set(orders.map((o) => o.id)));
    console.info(`[database-kill] ${redeliveries} webhook deliveries failed while PostgreSQL was down and were re-sent`);
  }, 240_000);
});

test.skipIf(Boolean(bin))("REAL-ENGINE DATABASE-KILL TEST DID NOT RUN: no Inngest binary ($INNGEST_BIN, ../shared/tools/inngest-server, inngest on the PATH)", () => expect(bin).toBeNull());
