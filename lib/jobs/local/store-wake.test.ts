import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { disconnectPrisma, hotPathDb } from "@/lib/db";
import { defineJob } from "../define";
import { createLocalDriver, startLocalWorker, type LocalWorker } from "../local-driver";

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };
const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const workers: LocalWorker[] = [];

beforeAll(async () => {
  await hotPathDb.$queryRaw`SELECT 1`;
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await disconnectPrisma();
});

async function waitFor(probe: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * The worker's database, counting its claim statements (each runs in the claim's transaction). While
 * `hold` is set, the worker's transactions wait for it before they begin, and `waiting` says one does.
 */
function countingClaims() {
  const probe = { claims: 0, waiting: false, hold: undefined as Promise<void> | undefined };
  const db: typeof hotPathDb = {
    ...hotPathDb,
    $transaction: async (fn, options) => {
      if (probe.hold) {
        probe.waiting = true;
        await probe.hold;
        probe.waiting = false;
      }
      return hotPathDb.$transaction(
        (tx) =>
          fn({
            $queryRaw: (strings, ...values) => {
              if (strings.join("").includes("WITH lim AS MATERIALIZED")) probe.claims++;
              return tx.$queryRaw(strings, ...values);
            },
            $executeRaw: (strings, ...values) => tx.$executeRaw(strings, ...values),
          }),
        options,
      );
    },
  };
  return { db, probe };
}

/**
 * A worker with 8 slots (so a busy claim waits for 2 free ones) whose store-A jobs block until released,
 * with 7 of them running: one slot free, below the batching threshold.
 */
async function busyWorker({ listen }: { listen: boolean }) {
  const storeA = unique("flood");
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started: string[] = [];
  const finished: string[] = [];
  const def = defineJob({
    id: unique("store-wake"),
    event: "order/created",
    handler: async ({ event }) => {
      started.push(event.data.storeId);
      if (event.data.storeId === storeA) await gate;
      finished.push(event.data.storeId);
    },
  });
  const worker = startLocalWorker({
    functions: [def],
    logger: quietLogger,
    concurrency: 8,
    pollIntervalMs: 50,
    ...(listen && { listenConnectionString: process.env.DATABASE_URL }),
  });
  workers.push(worker);
  const driver = createLocalDriver({ functions: [def] });
  const send = (storeId: string, n = 1) =>
    driver.send(Array.from({ length: n }, (_, i) => ({ name: "order/created" as const, data: { orderId: `${storeId}-${i}`, storeId } })));
  await new Promise((r) => setTimeout(r, listen ? 200 : 50));
  await send(storeA, 7);
  await waitFor(() => started.length === 7, 5_000, "the flooding store's 7 jobs started");
  const countOf = (list: string[], store: string) => list.filter((s) => s === store).length;
  return { storeA, driver, send, started, finished, release, countOf };
}

describe("store-aware wake-ups", () => {
  test("a quiet store's job starts at once on a busy worker: 7 of 8 slots held by a flooding store do not make it wait for a quarter of the slots", async () => {
    const { storeA, send, started, finished, release, countOf } = await busyWorker({ listen: false });
    try {
      const storeB = unique("quiet");
      await send(storeB);
      await waitFor(() => finished.includes(storeB), 3_000, "the quiet store's job finished");
      expect(countOf(finished, storeA)).toBe(0); // every flooding job still blocked
      expect(countOf(started, storeA)).toBe(7);
    } finally {
      release();
    }
    await waitFor(() => countOf(finished, storeA) === 7, 5_000, "the flooding store's jobs finished");
  });

  test("a quiet store's job sent in a caller's transaction (NOTIFY on commit, naming its store) starts at once on a busy worker", async () => {
    const { storeA, driver, finished, release, countOf } = await busyWorker({ listen: true });
    try {
      const storeB = unique("quiet");
      await hotPathDb.$transaction(async (tx) => {
        await driver.send({ name: "order/created", data: { orderId: "b-in-tx", storeId: storeB } }, { tx });
      });
      await waitFor(() => finished.includes(storeB), 3_000, "the quiet store's job finished");
      expect(countOf(finished, storeA)).toBe(0);
    } finally {
      release();
    }
    await waitFor(() => countOf(finished, storeA) === 7, 5_000, "the flooding store's jobs finished");
  });

  test("a wake-up for a store the worker already runs keeps batching: with one slot free it claims nothing until a quarter of the slots are free", async () => {
    const { storeA, send, started, finished, release, countOf } = await busyWorker({ listen: false });
    try {
      await send(storeA);
      // Several polls (every 50 ms) and the wake-up itself pass: one free slot is below minClaim (2).
      await new Promise((r) => setTimeout(r, 300));
      expect(countOf(started, storeA)).toBe(7);
    } finally {
      release();
    }
    await waitFor(() => countOf(finished, storeA) === 8, 5_000, "all 8 jobs of the flooding store finished");
  });
});

describe("a store at its concurrency limit", () => {
  test("new jobs of a store whose key is at its limit are not claimed one by one: the worker claims again once a quarter of that store's runs have finished, and another store's job still starts at once", async () => {
    const store = unique("sale");
    const other = unique("other");
    const gates = new Map<string, () => void>();
    const started: string[] = [];
    const def = defineJob({
      id: unique("key-bound"),
      event: "order/created",
      concurrency: { key: "event.data.storeId", limit: 8 },
      handler: async ({ event }) => {
        started.push(event.data.orderId);
        await new Promise<void>((resolve) => gates.set(event.data.orderId, resolve));
      },
    });
    const { db: counted, probe } = countingClaims();
    const worker = startLocalWorker({ functions: [def], db: counted, logger: quietLogger, concurrency: 16, pollIntervalMs: 60_000 });
    workers.push(worker);
    const driver = createLocalDriver({ functions: [def] });
    let n = 0;
    const send = (count: number, storeId = store) => driver.send(Array.from({ length: count }, () => ({ name: "order/created" as const, data: { orderId: `${storeId}-${n++}`, storeId } })));
    const ofStore = () => started.filter((id) => id.startsWith(store));
    const release = (count: number) => {
      for (const id of ofStore().filter((s) => gates.has(s)).slice(0, count)) {
        gates.get(id)!();
        gates.delete(id);
      }
    };
    try {
      await worker.ready;
      // Another store runs one job here (so its next job is not a quiet store's) while the busy store floods.
      await send(1, other);
      await waitFor(() => started.length === 1, 5_000, "the other store's first job started");
      await send(12);
      await waitFor(() => ofStore().length === 8, 5_000, "the store's first 8 jobs started");
      await new Promise((r) => setTimeout(r, 100));
      const afterFirst = probe.claims;

      // More of the store's comments arrive (each wakes the worker): its key is full, so no claim is made.
      await send(3);
      await new Promise((r) => setTimeout(r, 200));
      expect(probe.claims).toBe(afterFirst);
      expect(ofStore()).toHaveLength(8);

      // The other store's next job is claimed at once, without waiting for the busy store's runs.
      await send(1, other);
      await waitFor(() => started.filter((id) => id.startsWith(other)).length === 2, 3_000, "the other store's second job started");
      expect(probe.claims).toBe(afterFirst + 1);

      // One of the busy store's runs finishes: 8 in flight want 2 finished before claiming again.
      release(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(probe.claims).toBe(afterFirst + 1);
      expect(ofStore()).toHaveLength(8);

      // The second finishes: one claim starts the two jobs the key now has room for.
      release(1);
      await waitFor(() => ofStore().length === 10, 3_000, "two more of the store's jobs started");
      expect(probe.claims).toBe(afterFirst + 2);
    } finally {
      const releaseAll = () => {
        for (const [id, open] of gates) {
          open();
          gates.delete(id);
        }
      };
      releaseAll();
      for (let i = 0; i < 20 && started.length < n; i++) {
        await new Promise((r) => setTimeout(r, 50));
        releaseAll();
      }
    }
  });
});

describe("a wake-up that arrives while a claim is in flight", () => {
  test("names a store whose jobs that claim then starts: the store is no longer quiet, so no second claim follows and its next job waits for a quarter of the slots", async () => {
    const storeA = unique("flood");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const def = defineJob({
      id: unique("wake-in-claim"),
      event: "order/created",
      handler: async ({ event }) => {
        started.push(event.data.storeId);
        await gate;
      },
    });
    // While held, the worker's claims (these jobs write nothing until released) wait before they begin.
    const { db: counted, probe } = countingClaims();
    const worker = startLocalWorker({ functions: [def], db: counted, logger: quietLogger, concurrency: 8, pollIntervalMs: 60_000 });
    workers.push(worker);
    const driver = createLocalDriver({ functions: [def] });
    let n = 0;
    const send = (count: number) => driver.send(Array.from({ length: count }, () => ({ name: "order/created" as const, data: { orderId: `${storeA}-${n++}`, storeId: storeA } })));
    try {
      await worker.ready;
      const before = probe.claims;
      let open!: () => void;
      probe.hold = new Promise<void>((resolve) => (open = resolve));
      await send(6);
      await waitFor(() => probe.waiting, 5_000, "the claim woken by the first jobs is in flight");
      // Another wake-up for the same store while it still runs nothing here.
      await send(1);
      probe.hold = undefined;
      open();
      await waitFor(() => started.length === 7, 5_000, "the store's 7 jobs started");
      await new Promise((r) => setTimeout(r, 200));
      expect(probe.claims - before).toBe(1);
      // One slot free, below a quarter of them: the store's next job is not claimed on its own.
      await send(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(probe.claims - before).toBe(1);
      expect(started).toHaveLength(7);
    } finally {
      release();
    }
    await waitFor(() => started.length === 8, 5_000, "the store's last job started once slots were free");
  });
});
