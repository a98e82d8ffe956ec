import { InngestTestEngine, mockCtx } from "@inngest/test";
import { NonRetriableError as InngestNonRetriableError } from "inngest";
import { afterAll, describe, expect, test } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db";
import { NonRetriableError, defineJob } from "@/lib/jobs/define";
import { toInngestFunction } from "@/lib/jobs/inngest-driver";
import { STORE_CONCURRENCY_LIMIT, inngestConcurrency } from "@/lib/jobs/inngest-fairness";
import { processComment } from "./functions/process-comment";
import { createInngestDriver } from "@/lib/jobs/inngest-outbox";
import { createLocalDriver, inspectJob, runJobsUntilIdle } from "@/lib/jobs/local-driver";
import { createInngestClient } from "@/lib/jobs/inngest-client";

afterAll(() => disconnectPrisma());

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };

// An example job using every tool of the seam, written once and run by both drivers.
const orderFlow = defineJob({
  id: "example-order-flow",
  event: "comment/received",
  retries: 2,
  concurrency: { key: "event.data.liveId", limit: 1 },
  throttle: { key: "event.data.storeId", limit: 10, period: "1s" },
  handler: async ({ event, step }) => {
    const order = await step.run("reserve-stock", () => ({ orderId: `o-${event.data.commentId}`, at: new Date(0) }));
    await step.sleep("hold-reservation", 30);
    const emitted = await step.sendEvent("emit-order-created", {
      name: "order/created",
      data: { orderId: order.orderId, storeId: event.data.storeId },
    });
    const reply = await step.run("send-reply", () => `reply:${order.orderId}`);
    return { orderId: order.orderId, at: order.at, reply, emitted: emitted.ids.length };
  },
  onFailure: async ({ step }) => {
    await step.run("release-stock", () => "released");
  },
});

const event = { name: "comment/received", data: { commentId: "c1", storeId: "s1", liveId: "l1" } } as const;
const expectedResult = { orderId: "o-c1", at: "1970-01-01T00:00:00.000Z", reply: "reply:o-c1", emitted: 1 };

/**
 * Runs a definition under @inngest/test, recording the step tools called by the last execution
 * (the engine replays the handler once per new step, like Inngest; the last replay walks every step).
 */
function inngestRun(def: typeof orderFlow | ReturnType<typeof defineJob>) {
  const client = createInngestClient({ isDev: true });
  let calls: { tool: string; args: unknown[] }[] = [];
  const engine = new InngestTestEngine({
    function: toInngestFunction(def, client),
    events: [{ ...event, data: { ...event.data } }],
    // sleep and sendEvent are mocked: the test engine has no server to wait on or send to.
    steps: [
      { id: "hold-reservation", handler() {} },
      { id: "emit-order-created", handler: () => ({ ids: ["inngest-internal-id"] }) },
    ],
    transformCtx: (raw) => {
      const ctx = mockCtx(raw);
      calls = [];
      const step = ctx.step as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const tool of ["run", "sleep", "sleepUntil", "sendEvent"]) {
        const original = step[tool]!;
        step[tool] = (...args: unknown[]) => {
          calls.push({ tool, args });
          return original(...args);
        };
      }
      return ctx;
    },
  });
  return { engine, calls: () => calls, client };
}

describe("Inngest driver", () => {
  test("the Inngest-wrapped function calls the same steps, by id and in order, as the local driver", async () => {
    await createLocalDriver({ functions: [orderFlow] }).send(event);
    await runJobsUntilIdle({ functions: [orderFlow], logger: quietLogger });
    await new Promise((r) => setTimeout(r, 40));
    await runJobsUntilIdle({ functions: [orderFlow], logger: quietLogger });
    const row = await prisma.job.findFirstOrThrow({ where: { functionId: orderFlow.id } });
    const local = await inspectJob({ id: row.id });

    const { engine, calls } = inngestRun(orderFlow);
    const { result, error } = await engine.execute();

    expect(error).toBeUndefined();
    expect(local?.status).toBe("COMPLETED");
    const inngestSteps = calls().map((c) => `${c.tool}:${String(c.args[0])}`);
    expect(inngestSteps).toEqual(["run:reserve-stock", "sleep:hold-reservation", "sendEvent:emit-order-created", "run:send-reply"]);
    expect(local?.steps.map((s) => s.stepId)).toEqual(calls().map((c) => c.args[0]));
    // Same JSON results (a Date becomes its ISO string under both), and sendEvent reports our own event ids.
    expect(result).toEqual(expectedResult);
    expect(local?.result).toEqual(expectedResult);
  });

  test("sendEvent under Inngest carries ids derived from the run and step, so a retried send is deduplicated", async () => {
    const { engine, calls } = inngestRun(orderFlow);
    const { ctx } = await engine.execute();

    const [id, payload] = calls().find((c) => c.tool === "sendEvent")!.args;
    expect(id).toBe("emit-order-created");
    expect(payload).toEqual([
      {
        name: "order/created",
        data: { orderId: "o-c1", storeId: "s1" },
        id: `${ctx.runId}:emit-order-created:0`,
        ts: expect.any(Number),
      },
    ]);
  });

  test("the definition's retries, concurrency, throttle and onFailure become Inngest options", () => {
    const fn = toInngestFunction(orderFlow, createInngestClient({ isDev: true }));

    expect(fn.opts).toMatchObject({
      id: "example-order-flow",
      triggers: [{ event: "comment/received" }],
      retries: 2,
      // Its own limit only: a second constraint stalled runs on the self-hosted server (inngest-fairness.ts).
      concurrency: [{ key: "event.data.liveId", limit: 1 }],
      throttle: { key: "event.data.storeId", limit: 10, period: "1s" },
    });
    expect(fn.opts.onFailure).toBeTypeOf("function");
  });

  test("every function gets one Inngest concurrency constraint at most: its own, else one queue per store when its event names a store, none when its limit is the local driver's only", () => {
    // The hot path's limit is the local driver's only (Inngest held its buffered runs' slots ~30 s): none on Inngest.
    expect(processComment.concurrency).toEqual({ key: "event.data.storeId", limit: 48, inngest: false });
    expect(inngestConcurrency(processComment)).toBeUndefined();
    // A correctness limit (one reconcile per live) stays alone: no per-store constraint beside it.
    expect(inngestConcurrency({ event: "live/reconcile", concurrency: { key: "event.data.liveId", limit: 1 } })).toEqual([{ key: "event.data.liveId", limit: 1 }]);
    // No constraint of its own, a store in its event: fair share across stores.
    expect(inngestConcurrency({ event: "comment/received" })).toEqual([{ key: "event.data.storeId", limit: STORE_CONCURRENCY_LIMIT }]);
    // Platform work (no store in the event) and no constraint: none.
    expect(inngestConcurrency({ event: "billing/sweep" })).toBeUndefined();
    // Steps buffered into one checkpoint (the server held such runs' slots ~30 s): no per-store default either.
    expect(inngestConcurrency({ event: "comment/received", idempotentSteps: true })).toBeUndefined();
  });

  test("a NonRetriableError from a handler reaches Inngest as its own NonRetriableError", async () => {
    const fatal = defineJob({
      id: "fatal-example",
      event: "comment/received",
      handler: async ({ step }) =>
        step.run("validate", () => {
          throw new NonRetriableError("comment belongs to a deleted store");
        }),
    });
    const { engine } = inngestRun(fatal);

    const { error } = await engine.execute();

    expect(error).toMatchObject({ name: InngestNonRetriableError.name, message: "comment belongs to a deleted store" });
  });

  test("events with invalid data are refused before anything is written", async () => {
    const driver = createInngestDriver();

    await expect(
      driver.send({ name: "order/created", data: { orderId: "", storeId: "s" } } as never),
    ).rejects.toThrow(/orderId/);
    expect(await prisma.job.count({ where: { functionId: "inngest-outbox" } })).toBe(0);
  });
});
