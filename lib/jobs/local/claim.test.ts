import { afterAll, describe, expect, test } from "vitest";
import { disconnectPrisma, pgDb, type SqlDb } from "@/lib/db";
import { defineJob, type AnyJobDefinition } from "../define";
import { prepareEvents } from "../events";
import { createLocalDriver, runJobsUntilIdle } from "../local-driver";
import { claimJobs } from "./claim";
import { buildRegistry } from "./registry";
import { insertEventJobs } from "./send";

afterAll(() => disconnectPrisma());

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };
const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** pgDb, counting the statements sent outside transactions. */
function counting() {
  const texts: string[] = [];
  const db: SqlDb = {
    ...pgDb,
    $queryRaw: <T,>(strings: TemplateStringsArray, ...values: unknown[]) => {
      texts.push(strings.join("?"));
      return pgDb.$queryRaw<T>(strings, ...values);
    },
    $executeRaw: (strings: TemplateStringsArray, ...values: unknown[]) => {
      texts.push(strings.join("?"));
      return pgDb.$executeRaw(strings, ...values);
    },
  };
  return { db, texts };
}

async function send(def: AnyJobDefinition, data: { orderId: string; storeId: string }[]) {
  const events = prepareEvents(data.map((d) => ({ name: "order/created" as const, data: d })));
  await insertEventJobs({ tx: pgDb, routes: buildRegistry([def]).routes, events, notify: false });
}

describe("claim", () => {
  test("one statement claims a resumed job together with the steps it memoised before", async () => {
    const def = defineJob({ id: unique("resume"), event: "order/created", handler: async () => "ok" });
    await send(def, [{ orderId: "r1", storeId: "s" }]);
    const registry = buildRegistry([def]);
    const [first] = (await claimJobs({ db: pgDb, registry, max: 1, leaseMs: 60_000 })).jobs;
    expect(first!.steps).toEqual({});
    await pgDb.$executeRaw`
      INSERT INTO job_steps ("jobId", "stepId", output) VALUES
        (${first!.id}, 'understand', '{"data":{"intent":"BUY"}}'), (${first!.id}, 'charge', '{"error":{"name":"Error","message":"declined"}}')`;
    await pgDb.$executeRaw`UPDATE jobs SET status = 'QUEUED', "lockedUntil" = NULL WHERE id = ${first!.id}`;

    const { db, texts } = counting();
    const claim = await claimJobs({ db, registry, max: 5, leaseMs: 60_000 });

    expect(texts).toHaveLength(1);
    expect(claim.jobs).toHaveLength(1);
    expect(claim.jobs[0]).toMatchObject({
      id: first!.id,
      functionId: def.id,
      steps: { understand: { data: { intent: "BUY" } }, charge: { error: { name: "Error", message: "declined" } } },
    });
    expect(claim.jobs[0]!.lockedUntil.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(claim.more).toBe(false);
  });

  test("a claim takes no more of a key than its free slots, and says jobs were left behind", async () => {
    const def = defineJob({
      id: unique("keyed"),
      event: "order/created",
      concurrency: { key: "event.data.storeId", limit: 2 },
      handler: async () => "ok",
    });
    await send(def, [
      ...Array.from({ length: 6 }, (_, i) => ({ orderId: `a${i}`, storeId: "busy" })),
      { orderId: "b0", storeId: "other" },
    ]);
    const registry = buildRegistry([def]);

    const first = await claimJobs({ db: pgDb, registry, max: 10, leaseMs: 60_000 });
    const second = await claimJobs({ db: pgDb, registry, max: 10, leaseMs: 60_000 });

    const keys = first.jobs.map((j) => j.concurrencyKey).sort();
    expect(keys).toEqual([`${def.id}:busy`, `${def.id}:busy`, `${def.id}:other`]);
    expect(first.more).toBe(true);
    expect(second.jobs).toEqual([]);
    expect(second.more).toBe(true); // four jobs of the saturated key wait
  });

  test("an idle claim reports when the next parked job becomes due", async () => {
    const def = defineJob({ id: unique("later"), event: "order/created", handler: async () => "ok" });
    await send(def, [{ orderId: "l1", storeId: "s" }]);
    await pgDb.$executeRaw`UPDATE jobs SET "runAt" = now() + interval '3 seconds' WHERE "functionId" = ${def.id}`;

    const claim = await claimJobs({ db: pgDb, registry: buildRegistry([def]), max: 4, leaseMs: 60_000 });

    expect(claim.jobs).toEqual([]);
    expect(claim.nextDueMs).toBeGreaterThan(2_000);
    expect(claim.nextDueMs).toBeLessThanOrEqual(3_000);
  });

  test("runJobsUntilIdle does not stop while a job sent by a run that ended during a claim is due", async () => {
    const child = defineJob({ id: unique("child"), event: "order/created", handler: async () => "child ran" });
    const parent = defineJob({
      id: unique("parent"),
      event: "comment/received",
      handler: async ({ step }) => step.sendEvent("emit", { name: "order/created", data: { orderId: "from-parent", storeId: "s" } }),
    });
    // Every claim answers late: its snapshot predates what a run commits while the answer travels.
    const slowClaims: SqlDb = {
      ...pgDb,
      $queryRaw: async <T,>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T> => {
        const rows = await pgDb.$queryRaw<T>(strings, ...values);
        if (strings[0]!.includes("WITH lim AS")) await new Promise((r) => setTimeout(r, 150));
        return rows;
      },
    };
    const functions = [parent, child];
    await createLocalDriver({ functions }).send({ name: "comment/received", data: { commentId: "c1", storeId: "s" } });

    const result = await runJobsUntilIdle({ functions, db: slowClaims, logger: quietLogger });

    expect(result.outcomes.completed).toBe(2);
    const [row] = await pgDb.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM jobs WHERE "functionId" = ${child.id}`;
    expect(row?.status).toBe("COMPLETED");
  });
});
