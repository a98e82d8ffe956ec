import { InngestTestEngine, mockCtx } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { assertRoutesMatch, runJobsUntilIdle, toInngestFunction } from "@/lib/jobs";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { ingestMetaEvents } from "@/lib/pipeline/ingest-meta-events";
import { reserveItems } from "@/lib/orders/reserve";
import { seedBuyer, seedStore } from "@/tests/helpers/seed";
import { createInngestClient } from "@/lib/jobs/inngest-client";
import { jobFunctions } from "./index";
import { processComment } from "./process-comment";
import { orderLifecycle } from "./order-lifecycle";

let graph: FakeGraphServer;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.REMINDER_BEFORE_EXPIRY_SECONDS = "0";
  reloadEnv();
});
afterAll(() => graph.close());

/** Runs a definition under @inngest/test and records which step tools it called, by id. */
function underInngest(def: Parameters<typeof toInngestFunction>[0], event: { name: string; data: Record<string, unknown> }, mockedSteps: string[] = []) {
  const ids: string[] = [];
  const engine = new InngestTestEngine({
    function: toInngestFunction(def, createInngestClient({ isDev: true })),
    events: [event as never],
    steps: mockedSteps.map((id) => ({ id, handler() {} })),
    transformCtx: (raw) => {
      const ctx = mockCtx(raw);
      ids.length = 0;
      const step = ctx.step as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const tool of ["run", "sleepUntil", "sendEvent"]) {
        const original = step[tool]!;
        step[tool] = (...args: unknown[]) => {
          ids.push(`${tool}:${String(args[0])}`);
          return original(...args);
        };
      }
      return ctx;
    },
  });
  return { engine, ids };
}

async function storedComment(message: string) {
  const seeded = await seedStore();
  forgetPageCredentials(seeded.store.id);
  const commentId = `c_${Math.random().toString(36).slice(2)}`;
  await ingestMetaEvents([{ type: "comment", pageId: seeded.pageId, commentId, postId: seeded.live.fbPostId!, from: { id: String(Date.now()), name: "Ana" }, message, createdTime: new Date() }]);
  const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: commentId } });
  return { ...seeded, comment };
}

test("the app's job functions are exactly what the static routing table of lib/jobs/routes.ts says producers' events start", () => {
  expect(() => assertRoutesMatch(jobFunctions)).not.toThrow();
});

describe("process-comment", () => {
  test("under Inngest it runs understand → reserve → reply and leaves one order and one DM", async () => {
    const { comment, store } = await storedComment("quiero la A12");
    const { engine, ids } = underInngest(processComment, { name: "comment/received", data: { commentId: comment.id, storeId: store.id, liveId: comment.liveId! } });
    const { result } = await engine.execute();
    expect(ids).toEqual(["run:understand", "run:reserve", "run:reply"]);
    expect(result).toMatchObject({ orderId: expect.any(String) });
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    expect(graph.privateRepliesByComment.has(comment.metaCommentId)).toBe(true);
  });

  test("a failing reply step is retried with backoff without reserving twice, then completes (local driver)", async () => {
    const { comment, store } = await storedComment("quiero la A12");
    // One full Graph client attempt (1 try + 3 in-process retries) fails; the job retries the step later.
    graph.failNext({ code: 2, status: 500, times: 4, path: "/messages" });
    for (let i = 0; i < 20; i++) {
      await runJobsUntilIdle({ functions: jobFunctions, retryBaseMs: 1, retryMaxMs: 2, logger: quiet });
      if ((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status === "PROCESSED") break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const job = await prisma.job.findFirstOrThrow({ where: { functionId: "process-comment", payload: { path: ["data", "commentId"], equals: comment.id } } });
    expect(job.status).toBe("COMPLETED");
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(1);
    const dms = await prisma.outboundMessage.findMany({ where: { commentId: comment.id, kind: "PRIVATE_REPLY" } });
    expect(dms.map((d) => [d.status, d.error, d.attempts])).toEqual([["SENT", null, 2]]);
  });

  test("when every retry fails, the compensation marks the comment FAILED (local driver)", async () => {
    const { comment } = await storedComment("quiero la A12");
    graph.failNext({ code: 2, status: 500, times: 10_000, path: "/messages" });
    for (let i = 0; i < 40; i++) {
      await runJobsUntilIdle({ functions: jobFunctions, retryBaseMs: 1, retryMaxMs: 2, logger: quiet });
      if ((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status === "FAILED") break;
      await new Promise((r) => setTimeout(r, 10));
    }
    graph.reset();
    const after = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(after.status).toBe("FAILED");
    expect(after.error).toMatch(/Graph|unexpected|500|error/i);
  });
});

describe("order-lifecycle", () => {
  test("under Inngest an unpaid order expires at expires_at: stock released (compensation), buyer told the cart is kept", async () => {
    const { store, products, pageId } = await seedStore({ ttl: 1 });
    const buyer = await seedBuyer(store.id, pageId);
    const r = await reserveItems({ storeId: store.id, buyerId: buyer.id, liveId: null, items: [{ productId: products[0]!.id, quantity: 2 }], idempotencyKey: "lc1", mergeIntoOpenCart: false, actor: { type: "SYSTEM" } });
    if (r.status !== "reserved") throw new Error("expected a reservation");
    await new Promise((res) => setTimeout(res, 1100));
    // The two "your cart is still saved" sleeps return at once here (their sends are skipped: no Meta window).
    const { engine, ids } = underInngest(orderLifecycle, { name: "order/created", data: { orderId: r.order.id, storeId: store.id } }, ["until-recovery-12h", "until-recovery-23h"]);
    const { result } = await engine.execute();
    expect(ids).toEqual(["run:check-0", "run:expire", "run:expired-notice", "run:created-at", "sleepUntil:until-recovery-12h", "run:recovery-12h", "sleepUntil:until-recovery-23h", "run:recovery-23h"]);
    expect(result).toMatchObject({ final: "EXPIRED" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: r.order.id } })).status).toBe("EXPIRED");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: products[0]!.id } })).reserved).toBe(0);
  });

  test("a pending order sleeps until its expiry instead of expiring early", async () => {
    const { store, products, pageId } = await seedStore({ ttl: 600 });
    const buyer = await seedBuyer(store.id, pageId);
    const r = await reserveItems({ storeId: store.id, buyerId: buyer.id, liveId: null, items: [{ productId: products[0]!.id, quantity: 1 }], idempotencyKey: "lc2", mergeIntoOpenCart: false, actor: { type: "SYSTEM" } });
    if (r.status !== "reserved") throw new Error("expected a reservation");
    // Every sleep is mocked to return at once, as if time had not moved: the job must keep sleeping.
    const sleeps = Array.from({ length: 24 }, (_, i) => `until-expiry-${i}`);
    const { engine, ids } = underInngest(orderLifecycle, { name: "order/created", data: { orderId: r.order.id, storeId: store.id } }, sleeps);
    await engine.execute();
    expect(ids.slice(0, 2)).toEqual(["run:check-0", "sleepUntil:until-expiry-0"]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: r.order.id } })).status).toBe("PENDING");
  });
});
