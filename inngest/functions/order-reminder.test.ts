import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { runJobsUntilIdle, toInngestFunction } from "@/lib/jobs";
import { createInngestClient } from "@/lib/jobs/inngest-client";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { reserveItems } from "@/lib/orders/reserve";
import { seedBuyer, seedStore } from "@/tests/helpers/seed";
import { jobFunctions } from "./index";
import { orderLifecycle } from "./order-lifecycle";

// A realistic reminder: ten minutes before expiry (the default). The lifecycle run is scheduled to start
// exactly then (lib/orders/order-timers.ts), which is the case the old `reminderAt > now` test never sent.
const REMINDER_SECONDS = 600;
let graph: FakeGraphServer;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.REMINDER_BEFORE_EXPIRY_SECONDS = String(REMINDER_SECONDS);
  reloadEnv();
});
afterAll(async () => {
  delete process.env.REMINDER_BEFORE_EXPIRY_SECONDS;
  reloadEnv();
  await graph.close();
});

/** An order whose reminder falls due one second from now (TTL = reminder offset + 1 s). */
async function orderWithReminderDueSoon(key: string) {
  const { store, products, pageId } = await seedStore({ ttl: REMINDER_SECONDS + 1 });
  forgetPageCredentials(store.id);
  const buyer = await seedBuyer(store.id, pageId);
  // Inside Meta's 24 h window with a known PSID: the reminder is a plain DM.
  await prisma.buyer.update({ where: { id: buyer.id }, data: { psid: `psid_${key}_${Date.now()}`, lastInboundAt: new Date() } });
  const r = await reserveItems({ storeId: store.id, buyerId: buyer.id, liveId: null, items: [{ productId: products[0]!.id, quantity: 1 }], idempotencyKey: key, mergeIntoOpenCart: false, actor: { type: "SYSTEM" } });
  if (r.status !== "reserved") throw new Error("expected a reservation");
  return { store, order: r.order };
}

describe("the reminder before expiry", () => {
  test("is sent on the local driver when the lifecycle run starts at reminderAt, then the run sleeps until expiry", async () => {
    const { order } = await orderWithReminderDueSoon("rem-local");
    const job = await prisma.job.findFirstOrThrow({ where: { functionId: "order-lifecycle", payload: { path: ["data", "orderId"], equals: order.id } } });
    const expiresAt = order.expiresAt.getTime();
    // Scheduled for the reminder, not earlier: a young cart costs no run.
    expect(Math.abs(job.runAt.getTime() - (expiresAt - REMINDER_SECONDS * 1000))).toBeLessThan(1500);
    await new Promise((r) => setTimeout(r, Math.max(0, job.runAt.getTime() - Date.now()) + 100));
    await runJobsUntilIdle({ functions: jobFunctions, logger: quiet });

    const reminders = await prisma.outboundMessage.findMany({ where: { orderId: order.id, purpose: "reminder" } });
    expect(reminders.map((m) => m.status)).toEqual(["SENT"]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).reminderSentAt).not.toBeNull();
    expect(graph.calls.filter((c) => c.kind === "message" && c.status === 200)).toHaveLength(1);
    // Still pending, parked until expires_at (no second reminder on the next round).
    const parked = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(parked.status).toBe("QUEUED");
    expect(Math.abs(parked.runAt.getTime() - expiresAt)).toBeLessThan(1500);
  });

  test("is sent under Inngest when the run starts at reminderAt", async () => {
    const { order, store } = await orderWithReminderDueSoon("rem-inngest");
    await new Promise((r) => setTimeout(r, 1100));
    const ids: string[] = [];
    const engine = new InngestTestEngine({
      function: toInngestFunction(orderLifecycle as never, createInngestClient({ isDev: true })),
      events: [{ name: "order/created", data: { orderId: order.id, storeId: store.id } } as never],
      // The sleep until expiry returns at once and the order is paid meanwhile: the run ends after one more check.
      steps: [{ id: "until-expiry-1", handler: () => prisma.order.update({ where: { id: order.id }, data: { status: "PAID", paidAt: new Date() } }).then(() => undefined) }],
      transformCtx: (ctx) => {
        const step = ctx.step as unknown as Record<string, (...args: unknown[]) => unknown>;
        for (const tool of ["run", "sleepUntil"]) {
          const original = step[tool]!;
          step[tool] = (...args: unknown[]) => {
            ids.push(`${tool}:${String(args[0])}`);
            return original(...args);
          };
        }
        return ctx;
      },
    });
    const { result } = await engine.execute();
    expect(ids).toContain("run:reminder-0");
    expect(ids).not.toContain("sleepUntil:until-expiry-0");
    expect(result).toMatchObject({ final: "PAID" });
    const reminders = await prisma.outboundMessage.findMany({ where: { orderId: order.id, purpose: "reminder" } });
    expect(reminders.map((m) => m.status)).toEqual(["SENT"]);
  }, 15_000);
});
