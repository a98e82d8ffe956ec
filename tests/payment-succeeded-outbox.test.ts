import { afterEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { INNGEST_OUTBOX } from "@/lib/jobs/inngest-outbox";
import { markOrderPaid } from "@/lib/orders/mark-paid";
import { pendingOrder } from "./helpers/payments";
import { seedBuyer, seedStore } from "./helpers/seed";

// `payment/succeeded` (receipt to the buyer, alert to the seller) is written in the payment's own
// transaction, on both job drivers: a process dying right after the commit cannot lose it, a payment
// that rolls back cannot announce anything.
const saved = { ...process.env };
afterEach(async () => {
  process.env = { ...saved };
  await prisma.$executeRawUnsafe("DROP TRIGGER IF EXISTS fail_at_commit ON payments");
});

const drivers = {
  // The local driver: the event is a job row of the payment-succeeded function.
  local: { env: {}, functionId: "payment-succeeded" },
  // Inngest (unreachable here on purpose: the event waits in the outbox for the relay).
  inngest: { env: { INNGEST_DEV: "1", INNGEST_BASE_URL: "http://127.0.0.1:9" }, functionId: INNGEST_OUTBOX },
} as const;

async function unpaidOrder() {
  const { store, pageId, products } = await seedStore();
  const buyer = await seedBuyer(store.id, pageId);
  const order = await pendingOrder({ storeId: store.id, productId: products[0]!.id, buyerId: buyer.id });
  return { store, order };
}

const paymentEvents = (orderId: string) =>
  prisma.job.findMany({ where: { eventName: "payment/succeeded", payload: { path: ["data", "orderId"], equals: orderId } }, select: { functionId: true, eventId: true, payload: true } });

const pay = (order: { id: string; totalMinor: number; currency: string }, txn: string) =>
  markOrderPaid({ orderId: order.id, provider: "sandbox", providerTxnId: txn, amountMinor: order.totalMinor, currency: order.currency, actor: { type: "WEBHOOK" } });

describe.each(Object.entries(drivers))("payment/succeeded on the %s driver", (_name, driver) => {
  test("is committed with the payment: a process that dies right after the commit (nothing else runs) has not lost it", async () => {
    process.env = { ...process.env, ...driver.env };
    const { order, store } = await unpaidOrder();
    // markOrderPaid alone is the payment's transaction; whatever the caller would do next never runs.
    const result = await pay(order, `txn_commit_${order.id}`);
    expect(result.outcome).toBe("paid");
    const events = await paymentEvents(order.id);
    expect(events).toEqual([
      expect.objectContaining({
        functionId: driver.functionId,
        eventId: `payment-succeeded:${result.paymentId}`,
        payload: expect.objectContaining({ data: expect.objectContaining({ orderId: order.id, storeId: store.id, provider: "sandbox", transactionId: `txn_commit_${order.id}`, amount: order.totalMinor }) }),
      }),
    ]);
    // The same payment notified again announces nothing new.
    expect((await pay(order, `txn_commit_${order.id}`)).outcome).toBe("duplicate");
    expect(await paymentEvents(order.id)).toHaveLength(1);
  });

  test("is not emitted by a payment whose transaction fails at commit: the order stays pending and nothing is announced", async () => {
    process.env = { ...process.env, ...driver.env };
    const { order } = await unpaidOrder();
    // A deferred constraint trigger fails the transaction at COMMIT, after every statement (the event's included) ran.
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fail_at_commit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'simulated failure at commit'; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT OR UPDATE ON payments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_at_commit()`);
    await expect(pay(order, `txn_rollback_${order.id}`)).rejects.toThrow(/simulated failure at commit/);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
    expect(await prisma.payment.count({ where: { orderId: order.id, status: "SUCCEEDED" } })).toBe(0);
    expect(await paymentEvents(order.id)).toEqual([]);
  });
});
