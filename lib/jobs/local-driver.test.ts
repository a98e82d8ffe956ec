import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { disconnectPrisma, hotPathDb, prisma } from "@/lib/db";
import { createHotPathDb } from "@/lib/sql";
import { NonRetriableError, defineJob, type AnyJobDefinition } from "./define";
import { createLocalDriver, inspectJob, runJobsUntilIdle, startLocalWorker, type LocalWorker } from "./local-driver";
import { crashJob } from "@/tests/helpers/jobs/crash-job";
import { processSettings } from "@/lib/env";
import { processComment } from "@/inngest/functions/process-comment";
import { countSideEffects, createSideEffectsTable, recordSideEffect } from "@/tests/helpers/jobs/side-effects";

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };
const extraClients: ReturnType<typeof createHotPathDb>[] = [];
const workers: LocalWorker[] = [];

beforeAll(async () => {
  await createSideEffectsTable(prisma);
  // Connect the driver's pool up front: the timing-based tests must not pay for it.
  await hotPathDb.$queryRaw`SELECT 1`;
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(extraClients.map((c) => c.end()));
  await disconnectPrisma();
});

function newClient() {
  const client = createHotPathDb(process.env.DATABASE_URL!);
  extraClients.push(client);
  return client;
}

function worker(options: Parameters<typeof startLocalWorker>[0]) {
  const w = startLocalWorker({ logger: quietLogger, pollIntervalMs: 50, ...options });
  workers.push(w);
  return w;
}

async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms (last value: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const jobsOf = (functionId: string) => prisma.job.findMany({ where: { functionId }, orderBy: { createdAt: "asc" } });
const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

describe("local job driver", () => {
  test("a sent event runs its job once, memoising each step and the result", async () => {
    const tag = unique("basic");
    const job = defineJob({
      id: unique("basic"),
      event: "order/created",
      handler: async ({ event, step }) => {
        const a = await step.run("reserve", async () => {
          await recordSideEffect(prisma, `${tag}:reserve`);
          return { at: new Date(0), qty: 2 };
        });
        const b = await step.run("notify", () => `${event.data.orderId}:${a.qty}`);
        return { a, b };
      },
    });
    const driver = createLocalDriver({ functions: [job] });
    await driver.send({ name: "order/created", data: { orderId: "o1", storeId: "s1" } });

    const first = await runJobsUntilIdle({ functions: [job], logger: quietLogger });
    const again = await runJobsUntilIdle({ functions: [job], logger: quietLogger });

    expect(first.outcomes.completed).toBe(1);
    expect(again.runs).toBe(0);
    const [row] = await jobsOf(job.id);
    const inspected = await inspectJob({ id: row!.id });
    expect(inspected).toMatchObject({
      status: "COMPLETED",
      // Steps hand back their JSON round trip, identical on first run and on replay.
      result: { a: { at: "1970-01-01T00:00:00.000Z", qty: 2 }, b: "o1:2" },
      steps: [
        { stepId: "reserve", output: { data: { at: "1970-01-01T00:00:00.000Z", qty: 2 } } },
        { stepId: "notify", output: { data: "o1:2" } },
      ],
    });
    expect(await countSideEffects(prisma, `${tag}:reserve`)).toBe(1);
  });

  test("idempotentSteps: a run that completes writes no step memos; a retried run first writes its finished steps and resumes after them", async () => {
    const tag = unique("idem");
    let notifyFailures = 1;
    const job = defineJob({
      id: unique("idem"),
      event: "order/created",
      retries: 2,
      idempotentSteps: true,
      handler: async ({ event, step }) => {
        const { orderId } = event.data;
        const n = await step.run("reserve", async () => {
          await recordSideEffect(prisma, `${tag}:reserve:${orderId}`);
          return 1;
        });
        return step.run("notify", () => {
          if (orderId === "flaky" && notifyFailures-- > 0) throw new Error("graph down");
          return `${orderId}:${n}`;
        });
      },
    });
    await createLocalDriver({ functions: [job] }).send([
      { name: "order/created", data: { orderId: "straight", storeId: "s" } },
      { name: "order/created", data: { orderId: "flaky", storeId: "s" } },
    ]);

    const w = worker({ functions: [job], retryBaseMs: 50 });
    const rows = await waitFor(() => jobsOf(job.id), (r) => r.length === 2 && r.every((j) => j.status === "COMPLETED"));
    await w.stop();

    const byOrder = new Map(await Promise.all(rows.map(async (r) => [(r.payload as { data: { orderId: string } }).data.orderId, await inspectJob({ id: r.id })] as const)));
    expect(byOrder.get("straight")).toMatchObject({ result: "straight:1", attempts: 0, steps: [] });
    expect(byOrder.get("flaky")).toMatchObject({ result: "flaky:1" });
    expect(byOrder.get("flaky")!.steps.map((s) => s.stepId).sort()).toEqual(["notify", "reserve"]);
    expect(await countSideEffects(prisma, `${tag}:reserve:straight`)).toBe(1);
    expect(await countSideEffects(prisma, `${tag}:reserve:flaky`)).toBe(1);
  });

  test("an event sent twice with the same id creates one job per function", async () => {
    const job = defineJob({ id: unique("dedupe"), event: "comment/received", handler: async () => "ok" });
    const other = defineJob({ id: unique("dedupe-other"), event: "comment/received", handler: async () => "ok" });
    const driver = createLocalDriver({ functions: [job, other] });
    const event = { name: "comment/received" as const, id: "comment:c1", data: { commentId: "c1", storeId: "s1" } };

    const sent = await Promise.all([driver.send(event), driver.send(event), driver.send([event, event])]);

    expect(sent.flatMap((s) => s.ids)).toEqual(Array(4).fill("comment:c1"));
    expect(await jobsOf(job.id)).toHaveLength(1);
    expect(await jobsOf(other.id)).toHaveLength(1);
  });

  test("an event with a future ts starts its job at that time and not before, like Inngest's scheduled events", async () => {
    const job = defineJob({ id: unique("scheduled"), event: "order/created", handler: async () => "ran" });
    const driver = createLocalDriver({ functions: [job] });
    const at = Date.now() + 1500;
    await driver.send({ name: "order/created", data: { orderId: "later", storeId: "s1" }, ts: at });
    await prisma.$transaction(async (tx) => {
      await driver.send({ name: "order/created", data: { orderId: "later-in-tx", storeId: "s1" }, ts: at }, { tx });
    });
    await driver.send({ name: "order/created", data: { orderId: "past-ts", storeId: "s1" }, ts: Date.now() - 60_000 });

    const early = await runJobsUntilIdle({ functions: [job], logger: quietLogger });
    expect(early.outcomes.completed).toBe(1); // only the event whose ts is not in the future
    const waiting = (await jobsOf(job.id)).filter((r) => r.status === "QUEUED");
    expect(waiting.map((r) => (r.payload as { data: { orderId: string } }).data.orderId).sort()).toEqual(["later", "later-in-tx"]);
    for (const r of waiting) expect(Math.abs(r.runAt.getTime() - at)).toBeLessThan(5);

    await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now()) + 50));
    const late = await runJobsUntilIdle({ functions: [job], logger: quietLogger });
    expect(late.outcomes.completed).toBe(2);
  });

  test("a job inserted inside a rolled-back transaction never exists, a committed one runs", async () => {
    const job = defineJob({ id: unique("outbox"), event: "order/created", handler: async () => "ran" });
    const driver = createLocalDriver({ functions: [job] });

    await expect(
      prisma.$transaction(async (tx) => {
        await driver.send({ name: "order/created", data: { orderId: "rolled-back", storeId: "s1" } }, { tx });
        throw new Error("the order insert failed");
      }),
    ).rejects.toThrow("the order insert failed");
    await prisma.$transaction(async (tx) => {
      await driver.send({ name: "order/created", data: { orderId: "committed", storeId: "s1" } }, { tx });
    });
    const result = await runJobsUntilIdle({ functions: [job], logger: quietLogger });

    const rows = await jobsOf(job.id);
    expect(rows.map((r) => (r.payload as { data: { orderId: string } }).data.orderId)).toEqual(["committed"]);
    expect(result.outcomes.completed).toBe(1);
  });

  test("sleepUntil parks the job without holding a worker, then resumes after the date without repeating steps", async () => {
    const tag = unique("sleep");
    const wakeAt = new Date(Date.now() + 400);
    const job = defineJob({
      id: unique("sleeper"),
      event: "order/created",
      handler: async ({ step }) => {
        await step.run("before", () => recordSideEffect(prisma, `${tag}:before`));
        await step.sleepUntil("until-expiry", wakeAt);
        await step.sleep("short-pause", 50);
        await step.run("after", () => recordSideEffect(prisma, `${tag}:after`));
        return "woke";
      },
    });
    await createLocalDriver({ functions: [job] }).send({ name: "order/created", data: { orderId: "o", storeId: "s" } });

    const parked = await runJobsUntilIdle({ functions: [job], logger: quietLogger });
    const [row] = await jobsOf(job.id);
    expect(parked.outcomes).toMatchObject({ suspended: 1, completed: 0 });
    expect(row).toMatchObject({ status: "QUEUED", lockedUntil: null });
    expect(Math.abs(row!.runAt.getTime() - wakeAt.getTime())).toBeLessThan(5);
    expect(await countSideEffects(prisma, `${tag}:after`)).toBe(0);

    const w = worker({ functions: [job] });
    const done = await waitFor(() => inspectJob({ id: row!.id }), (j) => j?.status === "COMPLETED");
    await w.stop();

    expect(Date.now()).toBeGreaterThanOrEqual(wakeAt.getTime());
    expect(done?.steps.map((s) => s.stepId)).toEqual(["before", "until-expiry", "short-pause", "after"]);
    expect(await countSideEffects(prisma, `${tag}:before`)).toBe(1);
    expect(await countSideEffects(prisma, `${tag}:after`)).toBe(1);
  });

  test("a failing step is retried with growing backoff, then onFailure compensates exactly once", async () => {
    const tag = unique("retry");
    const tries: number[] = [];
    const job = defineJob({
      id: unique("flaky"),
      event: "order/created",
      retries: 3,
      handler: async ({ step }) => {
        await step.run("reserve", () => recordSideEffect(prisma, `${tag}:reserve`));
        await step.run("charge", () => {
          tries.push(Date.now());
          throw new Error("gateway down");
        });
        return "unreachable";
      },
      onFailure: async ({ event, error, step }) => {
        await step.run("release-stock", async () => {
          await recordSideEffect(prisma, `${tag}:compensate:${event.data.orderId}:${error.message}`);
        });
      },
    });
    await createLocalDriver({ functions: [job] }).send({ name: "order/created", data: { orderId: "o9", storeId: "s" } });

    const w = worker({ functions: [job], retryBaseMs: 100 });
    const failure = await waitFor(
      () => prisma.job.findFirst({ where: { functionId: `${job.id}-failure` } }),
      (j) => j?.status === "COMPLETED",
    );
    await w.stop();
    await runJobsUntilIdle({ functions: [job], logger: quietLogger });

    const [original] = await jobsOf(job.id);
    expect(original).toMatchObject({ status: "FAILED", attempts: 4 });
    expect(original!.lastError).toContain("gateway down");
    expect(failure!.eventId).toBe(original!.id);
    expect(tries).toHaveLength(4);
    const gaps = tries.slice(1).map((t, i) => t - tries[i]!);
    // Doubling from 100 ms with ±25 % jitter: wait i is at least 75 % of 100·2^i, and the backoff grows.
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(0.75 * 100 * 2 ** i - 5));
    expect(gaps[2]).toBeGreaterThan(gaps[0]! * 1.5);
    expect(await countSideEffects(prisma, `${tag}:reserve`)).toBe(1);
    expect(await countSideEffects(prisma, `${tag}:compensate:o9:gateway down`)).toBe(1);
    expect(await prisma.job.count({ where: { functionId: `${job.id}-failure` } })).toBe(1);
  });

  test("a NonRetriableError fails the job on the first try and still runs onFailure", async () => {
    const tag = unique("fatal");
    const job = defineJob({
      id: unique("fatal"),
      event: "order/created",
      retries: 5,
      handler: async ({ step }) => {
        await step.run("validate", () => {
          throw new NonRetriableError("order belongs to a deleted store");
        });
      },
      onFailure: async ({ step }) => {
        await step.run("compensate", () => recordSideEffect(prisma, `${tag}:compensate`));
      },
    });
    await createLocalDriver({ functions: [job] }).send({ name: "order/created", data: { orderId: "o", storeId: "s" } });

    const result = await runJobsUntilIdle({ functions: [job], logger: quietLogger });

    expect(result.outcomes).toMatchObject({ failed: 1, completed: 1, retrying: 0 });
    const [row] = await jobsOf(job.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(await countSideEffects(prisma, `${tag}:compensate`)).toBe(1);
  });

  test("a handler that catches an exhausted step continues, and replays see the same error", async () => {
    const job = defineJob({
      id: unique("catcher"),
      event: "order/created",
      retries: 0,
      handler: async ({ step }) => {
        const charged = await step
          .run("charge", () => {
            throw new Error("card declined");
          })
          .then(() => true)
          .catch((e: Error) => e.message);
        await step.sleep("cool-down", 30);
        return { charged };
      },
    });
    await createLocalDriver({ functions: [job] }).send({ name: "order/created", data: { orderId: "o", storeId: "s" } });

    await runJobsUntilIdle({ functions: [job], logger: quietLogger });
    await new Promise((r) => setTimeout(r, 40));
    await runJobsUntilIdle({ functions: [job], logger: quietLogger });

    const [row] = await jobsOf(job.id);
    expect(row).toMatchObject({ status: "COMPLETED", result: { charged: 'Step "charge" failed: Error: card declined' } });
  });

  test("step.sendEvent starts the subscribed jobs exactly once", async () => {
    const tag = unique("fanout");
    const child = defineJob({
      id: unique("child"),
      event: "order/created",
      handler: async ({ event, step }) => step.run("record", () => recordSideEffect(prisma, `${tag}:${event.data.orderId}`)),
    });
    const parent = defineJob({
      id: unique("parent"),
      event: "comment/received",
      handler: async ({ event, step }) =>
        step.sendEvent("emit-order", [
          { name: "order/created", data: { orderId: `from-${event.data.commentId}`, storeId: event.data.storeId } },
        ]),
    });
    const functions = [parent, child];
    await createLocalDriver({ functions }).send({ name: "comment/received", data: { commentId: "c7", storeId: "s" } });

    const result = await runJobsUntilIdle({ functions, logger: quietLogger });

    expect(result.outcomes.completed).toBe(2);
    const [parentRow] = await jobsOf(parent.id);
    const [childRow] = await jobsOf(child.id);
    expect((parentRow!.result as { ids: string[] }).ids).toEqual([childRow!.eventId]);
    expect(await countSideEffects(prisma, `${tag}:from-c7`)).toBe(1);
  });

  test("per-key concurrency: never more than `limit` runs of one key at once, across two workers", async () => {
    const inFlight = new Map<string, number>();
    const maxSeen = new Map<string, number>();
    const def = (name: string) =>
      defineJob({
        id: "per-live",
        event: "comment/received",
        concurrency: { key: "event.data.liveId", limit: 2 },
        handler: async ({ event, step }) =>
          step.run("process", async () => {
            const key = event.data.liveId ?? "none";
            const now = (inFlight.get(key) ?? 0) + 1;
            inFlight.set(key, now);
            maxSeen.set(key, Math.max(maxSeen.get(key) ?? 0, now));
            await new Promise((r) => setTimeout(r, 40));
            inFlight.set(key, inFlight.get(key)! - 1);
            return name;
          }),
      });
    const [a, b] = [def("a"), def("b")];
    const events = ["live-1", "live-2"].flatMap((liveId) =>
      Array.from({ length: 8 }, (_, i) => ({
        name: "comment/received" as const,
        data: { commentId: `${liveId}-${i}`, storeId: "s", liveId },
      })),
    );
    await createLocalDriver({ functions: [a] }).send(events);

    const w1 = worker({ functions: [a], db: newClient(), concurrency: 8 });
    const w2 = worker({ functions: [b], db: newClient(), concurrency: 8 });
    await waitFor(
      () => prisma.job.count({ where: { functionId: "per-live", status: "COMPLETED" } }),
      (n) => n === 16,
    );
    await Promise.all([w1.stop(), w2.stop()]);

    expect(maxSeen.get("live-1")).toBe(2);
    expect(maxSeen.get("live-2")).toBe(2);
  });

  test("a worker's default slots hold 48 of one store's comment runs waiting for Meta at once, and another store's run starts beside them", async () => {
    // Meta's answers take 150 ms and more; the job waits for them in its slot. With 16 slots a worker took
    // ≈ 90 comments/s with a 150 ms Graph API (bench, BENCH_GRAPH_LATENCY_MS=150).
    let release!: () => void;
    const meta = new Promise<void>((resolve) => (release = resolve));
    const inFlight = new Map<string, number>();
    const maxSeen = new Map<string, number>();
    const def = defineJob({
      id: "waits-for-meta",
      event: "comment/received",
      concurrency: processComment.concurrency,
      handler: async ({ event, step }) =>
        step.run("reply", async () => {
          const store = event.data.storeId;
          inFlight.set(store, (inFlight.get(store) ?? 0) + 1);
          maxSeen.set(store, Math.max(maxSeen.get(store) ?? 0, inFlight.get(store)!));
          await meta;
          inFlight.set(store, inFlight.get(store)! - 1);
          return store;
        }),
    });
    const comment = (storeId: string, i: number) => ({ name: "comment/received" as const, data: { commentId: `${storeId}-${i}`, storeId, liveId: `${storeId}-live` } });
    await createLocalDriver({ functions: [def] }).send(Array.from({ length: 60 }, (_, i) => comment("flood-store", i)));
    worker({ functions: [def], db: newClient(), concurrency: processSettings().jobConcurrency });
    await waitFor(async () => inFlight.get("flood-store") ?? 0, (n) => n === 48);
    await createLocalDriver({ functions: [def] }).send([comment("quiet-store", 0)]);
    await waitFor(async () => inFlight.get("quiet-store") ?? 0, (n) => n === 1);

    release();
    await waitFor(() => prisma.job.count({ where: { functionId: "waits-for-meta", status: "COMPLETED" } }), (n) => n === 61);
    expect(maxSeen.get("flood-store")).toBe(48);
  });

  test("two workers on one database never run the same job twice (200 jobs)", async () => {
    const tag = unique("race");
    const byWorker = (name: string): AnyJobDefinition =>
      defineJob({
        id: "race",
        event: "order/created",
        handler: async ({ event, step }) => {
          await step.run("effect", () => recordSideEffect(prisma, `${tag}:${event.data.orderId}`));
          return step.run("who", () => name);
        },
      });
    const events = Array.from({ length: 200 }, (_, i) => ({
      name: "order/created" as const,
      data: { orderId: `o${i}`, storeId: "s" },
    }));
    await createLocalDriver({ functions: [byWorker("x")] }).send(events);

    const started = Date.now();
    const w1 = worker({ functions: [byWorker("w1")], db: newClient(), concurrency: 8 });
    const w2 = worker({ functions: [byWorker("w2")], db: newClient(), concurrency: 8 });
    await waitFor(
      () => prisma.job.count({ where: { functionId: "race", status: "COMPLETED" } }),
      (n) => n === 200,
      20_000,
    );
    const elapsed = Date.now() - started;
    await Promise.all([w1.stop(), w2.stop()]);

    const effects = await prisma.$queryRaw<{ tag: string; n: number }[]>`
      SELECT tag, count(*)::int AS n FROM test_side_effects WHERE tag LIKE ${`${tag}:%`} GROUP BY tag`;
    expect(effects).toHaveLength(200);
    expect(effects.every((e) => e.n === 1)).toBe(true);
    const share = await prisma.$queryRaw<{ who: string; n: number }[]>`
      SELECT result #>> '{}' AS who, count(*)::int AS n FROM jobs WHERE "functionId" = 'race' GROUP BY 1`;
    expect(share.map((s) => s.who).sort()).toEqual(["w1", "w2"]);
    console.info(`[jobs] 200 jobs x 2 steps on 2 workers: ${elapsed} ms; split ${JSON.stringify(share)}`);
  });

  test("an idle worker starts a sent job within milliseconds through LISTEN/NOTIFY", async () => {
    let startedAt = 0;
    const job = defineJob({
      id: unique("wake"),
      event: "order/created",
      handler: async () => {
        startedAt = Date.now();
      },
    });
    // The poll interval is far longer than the assertion: only NOTIFY can be this fast.
    const w = worker({ functions: [job], pollIntervalMs: 30_000, listenConnectionString: process.env.DATABASE_URL });
    await w.ready;

    const latencies: number[] = [];
    for (let i = 0; i < 3; i++) {
      startedAt = 0;
      const sentAt = Date.now();
      await createLocalDriver({ functions: [job] }).send({ name: "order/created", data: { orderId: `w${i}`, storeId: "s" } });
      await waitFor(async () => startedAt, (t) => t > 0, 5_000);
      latencies.push(startedAt - sentAt);
      await new Promise((r) => setTimeout(r, 100));
    }
    await w.stop();

    console.info(`[jobs] NOTIFY wake-up latency: ${latencies.join(", ")} ms`);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });

  test("stop() lets a running job finish before it resolves and claims nothing new", async () => {
    const job = defineJob({
      id: unique("graceful"),
      event: "order/created",
      handler: async ({ step }) => step.run("slow", () => new Promise((r) => setTimeout(() => r("done"), 200))),
    });
    const driver = createLocalDriver({ functions: [job] });
    await driver.send({ name: "order/created", data: { orderId: "g1", storeId: "s" } });
    const w = worker({ functions: [job] });
    await waitFor(() => jobsOf(job.id), (rows) => rows[0]?.status === "RUNNING");

    await w.stop();
    await driver.send({ name: "order/created", data: { orderId: "g2", storeId: "s" } });
    await new Promise((r) => setTimeout(r, 150));

    const rows = await jobsOf(job.id);
    expect(rows.map((r) => r.status)).toEqual(["COMPLETED", "QUEUED"]);
  });

  test("throttle defers run starts beyond the limit per period", async () => {
    const job = defineJob({
      id: unique("throttled"),
      event: "comment/received",
      throttle: { key: "event.data.storeId", limit: 2, period: "2s" },
      handler: async () => "ok",
    });
    const events = Array.from({ length: 4 }, (_, i) => ({
      name: "comment/received" as const,
      data: { commentId: `t${i}`, storeId: "s" },
    }));
    await createLocalDriver({ functions: [job] }).send(events);

    const result = await runJobsUntilIdle({ functions: [job], logger: quietLogger, concurrency: 1 });

    expect(result.outcomes).toMatchObject({ completed: 2, throttled: 2 });
    const waiting = (await jobsOf(job.id)).filter((j) => j.status === "QUEUED");
    expect(waiting).toHaveLength(2);
    for (const j of waiting) expect(j.runAt.getTime() - Date.now()).toBeGreaterThan(1000);
  });

  test("a worker killed mid-job: the next worker resumes after step A, which ran exactly once", async () => {
    const orderId = unique("crash");
    const job = crashJob({ db: prisma, hangInB: false });
    await createLocalDriver({ functions: [job] }).send({ name: "order/created", data: { orderId, storeId: "s" } });

    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("../../tests/helpers/jobs/crash-worker.ts", import.meta.url))], {
      env: { ...process.env, CRASH_TEST_LEASE_MS: "600" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      await waitFor(() => countSideEffects(prisma, `B-started:${orderId}`), (n) => n === 1, 20_000);
    } finally {
      child.kill("SIGKILL");
    }
    await exited;
    const [row] = await jobsOf("crash-test");
    expect(row).toMatchObject({ status: "RUNNING" });
    expect((await inspectJob({ id: row!.id }))?.steps.map((s) => s.stepId)).toEqual(["a"]);

    const w = worker({ functions: [job], leaseMs: 600 });
    const done = await waitFor(() => inspectJob({ id: row!.id }), (j) => j?.status === "COMPLETED");
    await w.stop();

    expect(done?.result).toEqual({ a: { reservedBy: "a" }, b: "b-done" });
    expect(await countSideEffects(prisma, `A:${orderId}`)).toBe(1);
    expect(await countSideEffects(prisma, `B:${orderId}`)).toBe(1);
  });

  test("a stalled worker whose lease expired cannot write to the job another worker now owns", async () => {
    const tag = unique("zombie");
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      return { open, opened };
    };
    const [gate1, gate2] = [gate(), gate()];
    const def = (name: string, stall?: Promise<void>) =>
      defineJob({
        id: "fenced",
        event: "order/created",
        retries: 0,
        handler: async ({ step }) => {
          const who = await step.run("b", async () => {
            await stall;
            return name;
          });
          await step.run("c", () => recordSideEffect(prisma, `${tag}:c:${name}`));
          return who;
        },
      });
    await createLocalDriver({ functions: [def("x")] }).send({ name: "order/created", data: { orderId: "z", storeId: "s" } });

    const w1 = worker({ functions: [def("w1", gate1.opened)], leaseMs: 300, stopTimeoutMs: 0 });
    const [row] = await waitFor(() => jobsOf("fenced"), (rows) => rows[0]?.status === "RUNNING");
    await w1.stop(); // gives up waiting: w1's run is now a zombie whose lease is no longer renewed
    const w2 = worker({ functions: [def("w2", gate2.opened)], leaseMs: 300 });
    const firstLease = row!.lockedUntil!.getTime();
    await waitFor(() => jobsOf("fenced"), (rows) => rows[0]!.lockedUntil!.getTime() > firstLease + 300);

    gate1.open(); // the zombie wakes up while w2 owns the job
    await new Promise((r) => setTimeout(r, 200));
    expect((await inspectJob({ id: row!.id }))?.steps).toEqual([]);
    gate2.open();
    await waitFor(() => inspectJob({ id: row!.id }), (j) => j?.status === "COMPLETED");
    await w2.stop();

    const final = await inspectJob({ id: row!.id });
    expect(final).toMatchObject({ status: "COMPLETED", result: "w2" });
    expect(final?.steps.find((s) => s.stepId === "b")?.output).toEqual({ data: "w2" });
    expect(await countSideEffects(prisma, `${tag}:c:w1`)).toBe(0);
    expect(await countSideEffects(prisma, `${tag}:c:w2`)).toBe(1);
  });
});
