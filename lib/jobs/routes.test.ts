import { afterAll, describe, expect, test } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db";
import { defineJob, type AnyJobDefinition } from "./define";
import { jobs } from "./index";
import { assertRoutesMatch, jobRoutes } from "./routes";

afterAll(() => disconnectPrisma());

describe("static event routing", () => {
  test("a producer's event becomes the rows of the app's functions with no function list in the process", async () => {
    // This module instance never saw a function list (nothing registers one): the table routes the event.
    await jobs.send({ name: "stock/released", id: "routes:static", data: { storeId: "store-r", productIds: ["p1"] } });
    const rows = await prisma.job.findMany({ where: { eventId: "routes:static" }, select: { functionId: true, maxAttempts: true, concurrencyKey: true } });
    expect(rows).toEqual([{ functionId: "serve-waitlist", maxAttempts: 7, concurrencyKey: "serve-waitlist:store-r" }]);

    const outbox = jobs.outboxRows({ name: "order/created", id: "routes:outbox", data: { orderId: "o", storeId: "s" } });
    expect(outbox?.map((r) => [r.functionId, r.maxAttempts, r.concurrencyKey])).toEqual([["order-lifecycle", 7, null]]);
  });

  test("a worker's function list that disagrees with the table is refused", () => {
    const asTable = Object.entries(jobRoutes).flatMap(([event, routes]) =>
      routes.map((r) => defineJob({ id: r.id, event: event as "order/created", retries: r.retries, ...(r.concurrency && { concurrency: r.concurrency }), handler: async () => null })),
    ) as unknown as AnyJobDefinition[];
    expect(() => assertRoutesMatch(asTable)).not.toThrow();

    const moreRetries = asTable.map((f) => (f.id === "order-lifecycle" ? { ...f, retries: 9 } : f));
    expect(() => assertRoutesMatch(moreRetries)).toThrow(/disagree/);
    const unlisted = [...asTable, defineJob({ id: "new-function", event: "order/created", handler: async () => null }) as unknown as AnyJobDefinition];
    expect(() => assertRoutesMatch(unlisted)).toThrow(/disagree/);
    expect(() => assertRoutesMatch(asTable.filter((f) => f.id !== "handle-message"))).toThrow(/disagree/);
    const otherKey = asTable.map((f) => (f.id === "process-comment" ? { ...f, concurrency: { key: "event.data.liveId", limit: 40 } } : f));
    expect(() => assertRoutesMatch(otherKey)).toThrow(/disagree/);
  });
});
