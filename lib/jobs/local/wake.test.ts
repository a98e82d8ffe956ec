import { afterAll, describe, expect, test } from "vitest";
import { disconnectPrisma, hotPathDb, type SqlClient } from "@/lib/db";
import { defineJob } from "../define";
import { jobRowsInsert, jobs, routeJobEventsTo, wakeJobWorkers } from "../index";
import { createLocalDriver, startLocalWorker, type LocalWorker } from "../local-driver";
import { JOBS_CHANNEL, MAX_WAKE_STORES, PROCESS_WAKE_ID, onLocalWake, publishWake, wakePayload, wakesPublished, type WakeStores } from "./wake";

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };
const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const workers: LocalWorker[] = [];

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await disconnectPrisma();
});

async function waitFor(probe: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A job that records when it started, and an idle worker that would only poll every 30 s. */
function startedProbe({ listen }: { listen: boolean }) {
  const started: number[] = [];
  const def = defineJob({
    id: unique("wake"),
    event: "order/created",
    handler: async () => {
      started.push(Date.now());
    },
  });
  const worker = startLocalWorker({
    functions: [def],
    logger: quietLogger,
    pollIntervalMs: 30_000,
    ...(listen && { listenConnectionString: process.env.DATABASE_URL }),
  });
  workers.push(worker);
  return { def, started, worker };
}

/** A notifier that records each NOTIFY's payload and sends it for real. */
function recordingNotifier() {
  const payloads: string[] = [];
  const notifier: Pick<SqlClient, "$executeRaw"> = {
    $executeRaw: (strings, ...values) => {
      expect(strings.join("?")).toContain("pg_notify");
      payloads.push(values[1] as string);
      return hotPathDb.$executeRaw(strings, ...values);
    },
  };
  return { notifier, payloads };
}

describe("wake-ups", () => {
  test("rows written from jobs.outboxRows in the producer's own statement run once wakeJobWorkers() follows the commit", async () => {
    const { def, started, worker } = startedProbe({ listen: false });
    routeJobEventsTo([def]);
    await worker.ready;

    const rows = jobs.outboxRows({ name: "order/created", id: "outbox:o1", data: { orderId: "o1", storeId: "s" } });
    expect(rows).toEqual([
      {
        id: expect.any(String),
        functionId: def.id,
        eventName: "order/created",
        eventId: "outbox:o1",
        payload: expect.stringContaining('"orderId":"o1"'),
        maxAttempts: 4,
        concurrencyKey: null,
        storeId: "s",
        runAt: null,
      },
    ]);
    const insertJobs = jobRowsInsert();
    await hotPathDb.$transaction(async (tx) => {
      await tx.$executeRaw`WITH queued AS (${insertJobs(rows!)}) SELECT 1`;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(started).toEqual([]); // committed but nobody told the idle worker

    const wokeAt = Date.now();
    wakeJobWorkers();
    await waitFor(() => started.length === 1, 2_000);
    expect(started[0]! - wokeAt).toBeLessThan(1_000);
  });

  test("a job sent inside a transaction runs only after the commit, woken through NOTIFY", async () => {
    const { def, started, worker } = startedProbe({ listen: true });
    await worker.ready;
    const driver = createLocalDriver({ functions: [def] });

    let committedAt = 0;
    await hotPathDb.$transaction(async (tx) => {
      await driver.send({ name: "order/created", data: { orderId: "in-tx", storeId: "s" } }, { tx });
      await new Promise((r) => setTimeout(r, 300));
      expect(started).toEqual([]);
      committedAt = Date.now();
    });

    await waitFor(() => started.length === 1, 2_000);
    expect(started[0]! - committedAt).toBeLessThan(1_000);
  });

  test("a NOTIFY published by another process wakes an idle worker", async () => {
    const { def, started, worker } = startedProbe({ listen: true });
    await worker.ready;
    // The row and a wake-up from "elsewhere": this process's own workers are not told directly.
    const [row] = (await createLocalDriver({ functions: [def] }).outboxRows({ name: "order/created", data: { orderId: "x", storeId: "s" } }))!;
    await hotPathDb.$executeRaw`
      INSERT INTO jobs (id, "functionId", "eventName", "eventId", payload, "maxAttempts", "runAt", "updatedAt")
      VALUES (${row!.id}, ${row!.functionId}, ${row!.eventName}, ${row!.eventId}, ${row!.payload}::jsonb, ${row!.maxAttempts}, now(), now())`;
    await new Promise((r) => setTimeout(r, 150));
    expect(started).toEqual([]);

    const sentAt = Date.now();
    await hotPathDb.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, 'another-process')`;
    await waitFor(() => started.length === 1, 2_000);
    expect(started[0]! - sentAt).toBeLessThan(1_000);
  });

  test("a burst of wake-ups is published as a couple of NOTIFYs, outside any transaction", async () => {
    const statements: string[] = [];
    const counter: Pick<SqlClient, "$executeRaw"> = {
      $executeRaw: (strings, ...values) => {
        statements.push(strings.join("?"));
        return hotPathDb.$executeRaw(strings, ...values);
      },
    };

    for (let i = 0; i < 100; i++) publishWake(counter, { local: false });
    await wakesPublished(counter);

    expect(statements.length).toBeGreaterThanOrEqual(1);
    expect(statements.length).toBeLessThanOrEqual(2);
    expect(statements.every((s) => s.includes("pg_notify"))).toBe(true);
  });

  test("a wake-up naming a store not published in the last second goes out at once instead of after the gap, naming the stores; this process's workers get them directly", async () => {
    const { notifier, payloads } = recordingNotifier();
    const woken: WakeStores[] = [];
    const unsubscribe = onLocalWake((stores) => woken.push(stores));
    try {
      publishWake(notifier, { gapMs: 10_000, storeIds: ["a", null, "a"] });
      await waitFor(() => payloads.length === 1, 1_000);
      await new Promise((r) => setTimeout(r, 20)); // that NOTIFY has settled
      publishWake(notifier, { gapMs: 10_000, storeIds: ["a"] }); // published just now: waits for the gap
      await new Promise((r) => setTimeout(r, 50));
      expect(payloads).toHaveLength(1);
      publishWake(notifier, { gapMs: 10_000, storeIds: ["b"] }); // new: at once, taking "a" along
      await waitFor(() => payloads.length === 2, 2_000);
      expect(payloads).toEqual([`${PROCESS_WAKE_ID}|a`, `${PROCESS_WAKE_ID}|a,b`]);
      expect(woken).toEqual([["a"], ["a"], ["b"]]);
    } finally {
      unsubscribe();
    }
  });

  test("repeated wake-ups for one store within the gap coalesce into one NOTIFY", async () => {
    const { notifier, payloads } = recordingNotifier();
    for (let i = 0; i < 100; i++) publishWake(notifier, { local: false, gapMs: 200, storeIds: ["a"] });
    await wakesPublished(notifier);
    // The first goes out at once (a new store), the 99 others share the next one.
    expect(payloads).toEqual([`${PROCESS_WAKE_ID}|a`, `${PROCESS_WAKE_ID}|a`]);
  });

  test("a hundred new stores at once cost two NOTIFYs, the second naming no store (over the cap: any store)", async () => {
    const { notifier, payloads } = recordingNotifier();
    for (let i = 0; i < 100; i++) publishWake(notifier, { local: false, gapMs: 200, storeIds: [`s${i}`] });
    await wakesPublished(notifier);
    expect(payloads).toEqual([`${PROCESS_WAKE_ID}|s0`, PROCESS_WAKE_ID]);
  });

  test("a NOTIFY payload names at most MAX_WAKE_STORES plain store ids, else none, and stays far below PostgreSQL's 8000 bytes", () => {
    const ids = Array.from({ length: MAX_WAKE_STORES }, () => crypto.randomUUID());
    expect(wakePayload("p", ids)).toBe(`p|${ids.join(",")}`);
    expect(wakePayload("p", ids).length).toBeLessThan(8000);
    expect(wakePayload("p", [...ids, "one-more"])).toBe("p");
    expect(wakePayload("p", ["a,b"])).toBe("p");
    expect(wakePayload("", [null, undefined])).toBe("");
    expect(wakePayload("", ["s", "s"])).toBe("|s");
  });
});
