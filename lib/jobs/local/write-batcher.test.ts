import { afterAll, describe, expect, test } from "vitest";
import { disconnectPrisma, hotPathDb, type SqlDb } from "@/lib/db";
import { defineJob } from "../define";
import { prepareEvents } from "../events";
import { runJobsUntilIdle } from "../local-driver";
import { claimJobs } from "./claim";
import { LeaseLostError } from "./lease";
import { buildRegistry } from "./registry";
import { insertEventJobs } from "./send";
import { WriteBatcher } from "./write-batcher";

afterAll(() => disconnectPrisma());

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };
const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** n queued jobs of a fresh function, claimed: each comes with its lease token. */
async function claimed(n: number) {
  const def = defineJob({ id: unique("batch"), event: "order/created", handler: async () => "ok" });
  const events = prepareEvents(Array.from({ length: n }, (_, i) => ({ name: "order/created" as const, data: { orderId: `o${i}`, storeId: "s" } })));
  await insertEventJobs({ tx: hotPathDb, routes: buildRegistry([def]).routes, events, notify: false });
  const { jobs } = await claimJobs({ db: hotPathDb, registry: buildRegistry([def]), max: n, leaseMs: 60_000 });
  expect(jobs).toHaveLength(n);
  return jobs;
}

const stepsOf = (ids: string[]) =>
  hotPathDb.$queryRaw<{ jobId: string; stepId: string; output: unknown }[]>`
    SELECT "jobId", "stepId", output FROM job_steps WHERE "jobId" = ANY(${ids}::text[])`;

describe("write batcher", () => {
  test("step writes of many concurrent runs reach PostgreSQL in at most two statements", async () => {
    const jobs = await claimed(40);
    const batcher = new WriteBatcher(hotPathDb);

    await Promise.all(
      jobs.map((job, i) =>
        batcher.write({ kind: "step", jobId: job.id, token: job.lockedUntil, stepId: "a", output: JSON.stringify({ data: i }), resetAttempts: false }),
      ),
    );

    expect(batcher.statements).toBeLessThanOrEqual(2);
    const steps = await stepsOf(jobs.map((j) => j.id));
    expect(steps).toHaveLength(40);
    expect(steps.every((s) => s.stepId === "a")).toBe(true);
  });

  test("a stale lease token in a batch is refused for that run only", async () => {
    const [a, stale, c] = await claimed(3);
    const batcher = new WriteBatcher(hotPathDb);
    const staleToken = new Date(stale!.lockedUntil.getTime() - 1);

    const results = await Promise.allSettled([
      batcher.write({ kind: "step", jobId: a!.id, token: a!.lockedUntil, stepId: "s", output: '{"data":1}', resetAttempts: true }),
      batcher.write({ kind: "complete", jobId: stale!.id, token: staleToken, result: '"zombie"' }),
      batcher.write({ kind: "complete", jobId: c!.id, token: c!.lockedUntil, result: '"done"' }),
    ]);

    expect(batcher.statements).toBe(1);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLostError);
    const rows = await hotPathDb.$queryRaw<{ id: string; status: string; result: unknown }[]>`
      SELECT id, status::text AS status, result FROM jobs WHERE id = ANY(${[a!.id, stale!.id, c!.id]}::text[])`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a!.id)?.status).toBe("RUNNING");
    expect(byId.get(stale!.id)).toMatchObject({ status: "RUNNING", result: null });
    expect(byId.get(c!.id)).toMatchObject({ status: "COMPLETED", result: "done" });
    expect((await stepsOf([a!.id])).map((s) => s.output)).toEqual([{ data: 1 }]);
  });

  test("a requeue releases the lease and parks the job until its runAt", async () => {
    const [job] = await claimed(1);
    const batcher = new WriteBatcher(hotPathDb);
    const runAt = new Date(Date.now() + 60_000);

    await batcher.write({ kind: "requeue", jobId: job!.id, token: job!.lockedUntil, runAt });

    const [row] = await hotPathDb.$queryRaw<{ status: string; runAt: Date; lockedUntil: Date | null }[]>`
      SELECT status::text AS status, "runAt", "lockedUntil" FROM jobs WHERE id = ${job!.id}`;
    expect(row).toEqual({ status: "QUEUED", runAt, lockedUntil: null });
  });

  test("a failing batch statement fails every write in it, and each run retries", async () => {
    let failNext = true;
    const flaky: SqlDb = {
      ...hotPathDb,
      $queryRaw: async <T,>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T> => {
        if (failNext && strings[0]!.includes("WITH i AS MATERIALIZED")) {
          failNext = false;
          throw new Error("connection reset");
        }
        return hotPathDb.$queryRaw<T>(strings, ...values);
      },
    };
    const def = defineJob({
      id: unique("flaky-batch"),
      event: "order/created",
      handler: async ({ step }) => step.run("only", () => "ok"),
    });
    const events = prepareEvents(Array.from({ length: 5 }, (_, i) => ({ name: "order/created" as const, data: { orderId: `f${i}`, storeId: "s" } })));
    await insertEventJobs({ tx: hotPathDb, routes: buildRegistry([def]).routes, events, notify: false });

    const first = await runJobsUntilIdle({ functions: [def], db: flaky, logger: quietLogger, retryBaseMs: 10_000 });

    expect(first.outcomes).toMatchObject({ retrying: 5, completed: 0 });
    const rows = await hotPathDb.$queryRaw<{ status: string; attempts: number; lastError: string }[]>`
      SELECT status::text AS status, attempts, "lastError" FROM jobs WHERE "functionId" = ${def.id}`;
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toMatchObject({ status: "QUEUED", attempts: 1, lastError: "Error: connection reset" });
    await hotPathDb.$executeRaw`UPDATE jobs SET "runAt" = now() WHERE "functionId" = ${def.id}`;
    const second = await runJobsUntilIdle({ functions: [def], db: flaky, logger: quietLogger });
    expect(second.outcomes).toMatchObject({ completed: 5 });
  });
});
