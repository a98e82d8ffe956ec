import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { prisma } from "@/lib/db";
import { jobs, runJobsUntilIdle, toInngestFunction } from "@/lib/jobs";
import { createInngestClient } from "@/lib/jobs/inngest-client";
import { SWEEPERS, listSweeperRuns, sweepOverdueOrders, sweepStuckComments } from "@/lib/jobs/sweep-stuck";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { ingestMetaEvents } from "@/lib/pipeline/ingest-meta-events";
import { reserveItems } from "@/lib/orders/reserve";
import { logger } from "@/lib/observability/logger";
import { jobFunctions } from "@/inngest/functions";
import { sweepStuck } from "@/inngest/functions/sweep-stuck";
import { reloadEnv } from "./helpers/env";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { seedBuyer, seedStore } from "./helpers/seed";

const graph = fakeGraphPerFile();
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const run = () => runJobsUntilIdle({ functions: jobFunctions, logger: quiet });

beforeAll(() => {
  process.env.STUCK_COMMENT_SECONDS = "5";
  reloadEnv();
});
afterAll(() => {
  delete process.env.STUCK_COMMENT_SECONDS;
  reloadEnv();
});

/** A live comment stored with its job, then aged past the threshold; `lost` deletes its job (the event never arrived). */
async function stuckComment({ lost }: { lost: boolean }) {
  const seeded = await seedStore();
  forgetPageCredentials(seeded.store.id);
  const metaCommentId = `stuck_${Math.random().toString(36).slice(2)}`;
  await ingestMetaEvents([{ type: "comment", pageId: seeded.pageId, commentId: metaCommentId, postId: seeded.live.fbPostId!, from: { id: `a_${metaCommentId}`, name: "Ana" }, message: "quiero A12", createdTime: new Date() }]);
  const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId } });
  if (lost) await prisma.job.deleteMany({ where: { eventId: `comment:${comment.id}` } });
  await prisma.comment.update({ where: { id: comment.id }, data: { receivedAt: new Date(Date.now() - 60_000) } });
  return { ...seeded, comment };
}

describe("the sweeper of comments stuck as RECEIVED", () => {
  test("announces a comment whose event was lost again, exactly once: one order, one private and one public reply; counts logged and recorded", async () => {
    const { comment, store } = await stuckComment({ lost: true });
    const warn = vi.spyOn(logger, "warn");
    try {
      expect(await sweepStuckComments()).toBe(1);
      expect(warn).toHaveBeenCalledWith({ sweeper: SWEEPERS.comments, count: 1 }, "sweeper acted on stuck work");
    } finally {
      warn.mockRestore();
    }
    // Its job is queued now: a second sweeper (another process, the next tick) does not announce it again.
    expect(await sweepStuckComments()).toBe(0);
    await run();
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("PROCESSED");
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    expect(graph().calls.filter((c) => c.kind === "private_reply" && c.status === 200)).toHaveLength(1);
    expect(graph().calls.filter((c) => c.kind === "comment_reply" && c.status === 200)).toHaveLength(1);
    expect(await sweepStuckComments()).toBe(0);

    const runs = await listSweeperRuns();
    expect(runs.find((r) => r.name === SWEEPERS.comments)).toMatchObject({ last_count: 0, total_count: 1, last_acted_at: expect.any(String), last_error: null });
  });

  test("leaves alone a comment whose job is still queued (a backlog is not a loss) and a comment younger than the threshold", async () => {
    const { comment } = await stuckComment({ lost: false });
    expect(await sweepStuckComments()).toBe(0);
    await prisma.job.deleteMany({ where: { eventId: `comment:${comment.id}` } });
    await prisma.comment.update({ where: { id: comment.id }, data: { receivedAt: new Date() } });
    expect(await sweepStuckComments()).toBe(0);
    await run();
  });

  test("leaves alone a comment handed back after a pause whose job (a new event id) still waits in a backlog", async () => {
    const { comment, store, live } = await stuckComment({ lost: true });
    // The hand-back's event, queued long ago and not yet run (a backlog), as requeuePausedComments sends it.
    await jobs.send({ name: "comment/received", id: `comment:${comment.id}:resumed:backlog`, data: { commentId: comment.id, storeId: store.id, liveId: live.id } });
    await prisma.comment.update({ where: { id: comment.id }, data: { resumedAt: new Date(Date.now() - 60_000) } });
    expect(await sweepStuckComments()).toBe(0);
    await run();
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    expect(await prisma.job.count({ where: { eventId: { startsWith: `comment:${comment.id}:swept:` } } })).toBe(0);
  });

  test("under Inngest the stuck comment's event goes to the outbox once per threshold window (the relay delivers it; Inngest deduplicates by id)", async () => {
    const { comment } = await stuckComment({ lost: true });
    process.env.INNGEST_EVENT_KEY = "test-event-key";
    process.env.INNGEST_BASE_URL = "http://127.0.0.1:9";
    reloadEnv();
    try {
      expect(await sweepStuckComments()).toBe(1);
      // A second sweeper in the same window, or while the event still waits for the relay: nothing more.
      expect(await sweepStuckComments()).toBe(0);
      const outbox = await prisma.job.findMany({ where: { eventId: { startsWith: `comment:${comment.id}:swept:` } } });
      expect(outbox.map((r) => [r.functionId, r.eventName, r.status])).toEqual([["inngest-outbox", "comment/received", "QUEUED"]]);
      await prisma.job.deleteMany({ where: { id: { in: outbox.map((r) => r.id) } } });
    } finally {
      delete process.env.INNGEST_EVENT_KEY;
      delete process.env.INNGEST_BASE_URL;
      reloadEnv();
      // Nothing delivers this test's outbox: keep its comment out of the next tests' sweeps.
      await prisma.comment.update({ where: { id: comment.id }, data: { status: "SKIPPED" } });
    }
  });
});

describe("the sweeper of overdue pending orders", () => {
  test("expires an order past expires_at whose lifecycle event never arrived, releases its stock, once", async () => {
    const { store, products, pageId } = await seedStore({ ttl: 600 });
    const buyer = await seedBuyer(store.id, pageId);
    const r = await reserveItems({ storeId: store.id, buyerId: buyer.id, liveId: null, items: [{ productId: products[0]!.id, quantity: 2 }], idempotencyKey: "sweep-order", mergeIntoOpenCart: false, actor: { type: "SYSTEM" } });
    if (r.status !== "reserved") throw new Error("expected a reservation");
    await prisma.job.deleteMany({ where: { functionId: "order-lifecycle", payload: { path: ["data", "orderId"], equals: r.order.id } } });
    expect(await sweepOverdueOrders()).toBe(0); // not due yet
    await prisma.order.update({ where: { id: r.order.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await sweepOverdueOrders()).toBe(1);
    expect(await sweepOverdueOrders()).toBe(0);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: r.order.id } })).status).toBe("EXPIRED");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: products[0]!.id } })).reserved).toBe(0);
    expect((await listSweeperRuns()).find((x) => x.name === SWEEPERS.orders)).toMatchObject({ total_count: 1 });
    await run();
  });
});

describe("the sweep-stuck job", () => {
  test("runs both sweepers as a job on the local driver (ops/sweep) and from Inngest's cron timer", async () => {
    // Only this test's sweep may act: a sweep left queued by an earlier test would take the comment first.
    await prisma.job.deleteMany({ where: { functionId: "sweep-stuck" } });
    const { comment } = await stuckComment({ lost: true });
    const eventId = `sweep-test-${Date.now()}`;
    await jobs.send({ name: "ops/sweep", id: eventId, data: {} });
    await run();
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("PROCESSED");
    const job = await prisma.job.findFirstOrThrow({ where: { functionId: "sweep-stuck", eventId } });
    expect(job.status).toBe("COMPLETED");
    expect(job.result).toMatchObject({ reannouncedComments: 1 });

    const engine = new InngestTestEngine({
      function: toInngestFunction(sweepStuck as never, createInngestClient({ isDev: true })),
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } } as never],
    });
    const { result } = await engine.execute();
    expect(result).toEqual({ expiredOrders: 0, reannouncedComments: 0 });
  });
});
