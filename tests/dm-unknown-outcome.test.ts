import { spawn } from "node:child_process";
import pg from "pg";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { jobFunctions } from "@/inngest/functions";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { DM_OUTCOME_UNKNOWN, PUBLIC_REPLY_IN_FLIGHT_SECONDS, sendOutbound } from "@/lib/messaging/send-message";
import { textMessage } from "@/lib/meta/messages";
import { markOrderPaid } from "@/lib/orders/mark-paid";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { pendingOrder } from "./helpers/payments";
import { seedStore } from "./helpers/seed";

// A DM by PSID (receipt, reminder, tracking number…) goes through Meta's Send API, which has no
// idempotency key and cannot be asked what it delivered: only the message id it answers proves a
// delivery. A try that stopped between the Graph call and the record leaves the outcome unknown; the
// retry must not send it again (the buyer would get it twice) and must say so to the seller.
const graph = fakeGraphPerFile();
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

async function shopWithBuyers(count: number) {
  const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja", priceMinor: 9990, stock: 50, keywords: ["polera"] }] });
  forgetPageCredentials(seeded.store.id);
  const buyers = [];
  for (let i = 0; i < count; i++) {
    // Each buyer wrote to the Page a minute ago: inside Meta's 24 h window, so the receipt is a plain DM to the PSID.
    buyers.push(await prisma.buyer.create({ data: { storeId: seeded.store.id, pageId: seeded.pageId, authorId: `author_${seeded.store.id}_${i}`, psid: `psid_${seeded.store.id}_${i}`, name: `Buyer ${i}`, lastInboundAt: new Date(Date.now() - 60_000) } }));
  }
  return { ...seeded, buyers };
}

const dmsTo = (psid: string) => graph().calls.filter((c) => c.kind === "message" && c.psid === psid && c.status === 200);

describe("a DM by PSID whose outcome is unknown", () => {
  test("a worker SIGKILLed between Meta's answer and the record: the receipt is never sent twice, and what was not recorded is marked unknown for the seller", async () => {
    const { store, products, buyers } = await shopWithBuyers(5);
    const orders: { order: Awaited<ReturnType<typeof pendingOrder>>; buyer: (typeof buyers)[number] }[] = [];
    for (const buyer of buyers) {
      const order = await pendingOrder({ storeId: store.id, productId: products[0]!.id, buyerId: buyer.id });
      // Paid: the payment/succeeded job (the receipt) is queued with the payment.
      expect((await markOrderPaid({ orderId: order.id, provider: "sandbox", providerTxnId: `txn_${order.id}`, amountMinor: order.totalMinor, currency: order.currency, actor: { type: "WEBHOOK" } })).outcome).toBe("paid");
      orders.push({ order, buyer });
    }

    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./helpers/jobs/app-worker.ts", import.meta.url))], { env: { ...process.env, LOG_LEVEL: "silent" }, stdio: "ignore" });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // Killed in the listener that sees Meta's answer leave: the worker cannot have recorded it.
    const killed = new Promise<void>((resolve) => {
      const off = graph().onCall((call) => {
        if (call.kind !== "message" || call.status !== 200 || !buyers.some((b) => b.psid === call.psid)) return;
        off();
        child.kill("SIGKILL");
        resolve();
      });
    });
    await Promise.race([killed, new Promise((_, reject) => setTimeout(() => reject(new Error("the worker never sent a receipt")), 90_000))]);
    await exited;

    // Another worker takes the killed worker's jobs once their lease runs out, and finishes them.
    const receipts = () => prisma.outboundMessage.findMany({ where: { orderId: { in: orders.map((o) => o.order.id) }, purpose: "receipt" }, select: { orderId: true, status: true, error: true, externalId: true } });
    for (let i = 0; i < 60; i++) {
      await runJobsUntilIdle({ functions: jobFunctions, retryBaseMs: 1, retryMaxMs: 2, logger: quiet });
      const rows = await receipts();
      if (rows.length === orders.length && rows.every((r) => r.status !== "PENDING")) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    const rows = await receipts();
    expect(rows).toHaveLength(orders.length);
    let unknown = 0;
    for (const { order, buyer } of orders) {
      const row = rows.find((r) => r.orderId === order.id)!;
      const sent = dmsTo(buyer.psid!);
      expect(sent.length, `receipts Meta accepted for order ${order.id}`).toBeLessThanOrEqual(1); // never twice
      if (row.status === "SENT") {
        // Recorded: Meta's message id is the proof.
        expect(sent).toHaveLength(1);
        expect(row.externalId).toBe((sent[0]!.response as { message_id: string }).message_id);
      } else {
        expect(row).toMatchObject({ status: "FAILED", error: DM_OUTCOME_UNKNOWN });
        unknown++;
      }
    }
    // The receipt Meta accepted as the worker died is one of them: delivered once, marked unknown, not re-sent.
    expect(unknown).toBeGreaterThanOrEqual(1);
    const accepted = graph().calls.filter((c) => c.kind === "message" && c.status === 200 && buyers.some((b) => b.psid === c.psid));
    expect(accepted.length).toBeLessThanOrEqual(orders.length);
    expect(await prisma.job.count({ where: { functionId: "payment-succeeded", status: { not: "COMPLETED" }, payload: { path: ["data", "storeId"], equals: store.id } } })).toBe(0);
  }, 180_000);

  test("a DM whose answer never came back (Meta read it, then the connection dropped) is not repeated, in-process or by the retry: one call, marked unknown", async () => {
    const { store, buyers, pageId } = await shopWithBuyers(1);
    const buyer = buyers[0]!;
    const req = { kind: "DM" as const, storeId: store.id, buyerId: buyer.id, orderId: null, purpose: "manual", idempotencyKey: `test:${buyer.id}:dropped`, message: textMessage("hola"), manual: true };
    graph().failNext({ drop: true, times: 10, path: `/${pageId}/messages` });
    await expect(sendOutbound(req)).rejects.toThrow(/no answer/);
    expect(graph().calls.filter((c) => c.kind === "message" && c.psid === buyer.psid)).toHaveLength(1);
    graph().reset();
    // The job's retry: Meta may have delivered it, so it is not sent again.
    expect(await sendOutbound(req)).toMatchObject({ status: "FAILED", reason: DM_OUTCOME_UNKNOWN, duplicate: false });
    expect(graph().calls.filter((c) => c.kind === "message")).toHaveLength(0);
    expect(await prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: req.idempotencyKey } })).toMatchObject({ status: "FAILED", error: DM_OUTCOME_UNKNOWN, attempts: 2 });
  });

  test("two tries of one DM claimed at the same moment (a job taken again while its first try is still claiming): only one of them sends", async () => {
    const { store, buyers } = await shopWithBuyers(1);
    const buyer = buyers[0]!;
    const req = { kind: "DM" as const, storeId: store.id, buyerId: buyer.id, purpose: "manual", idempotencyKey: `test:${buyer.id}:concurrent`, message: textMessage("hola"), manual: true };
    // The first try's claim, inserted and not yet committed when the second try's claim starts.
    const first = new pg.Client({ connectionString: process.env.DATABASE_URL! });
    await first.connect();
    try {
      await first.query("BEGIN");
      await first.query(
        `INSERT INTO outbound_messages (id, "storeId", "buyerId", kind, purpose, "idempotencyKey", recipient, body, attempts) VALUES (gen_random_uuid()::text, $1, $2, 'DM', 'manual', $3, $4, '{}'::jsonb, 1)`,
        [store.id, buyer.id, req.idempotencyKey, `buyer:${buyer.id}`],
      );
      const second = sendOutbound(req);
      // The second claim waits on the first one's row lock; only then does the first try commit (and go on to send).
      for (let i = 0; i < 100; i++) {
        const { rows } = await first.query(`SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.query LIKE '%outbound_messages%'`);
        if (rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await first.query("COMMIT");
      expect(await second).toMatchObject({ status: "FAILED", reason: DM_OUTCOME_UNKNOWN });
      expect(graph().calls.filter((c) => c.kind === "message" && c.psid === buyer.psid)).toHaveLength(0);
    } finally {
      await first.end();
    }
  });

  test("a known outcome is still retried: a DM Meta refused with a rate limit is sent on the next try, once", async () => {
    const { store, buyers, pageId } = await shopWithBuyers(1);
    const buyer = buyers[0]!;
    const req = { kind: "DM" as const, storeId: store.id, buyerId: buyer.id, purpose: "manual", idempotencyKey: `test:${buyer.id}:rate-limited`, message: textMessage("hola"), manual: true };
    graph().failNext({ code: 613, times: 10, path: `/${pageId}/messages` });
    await expect(sendOutbound(req)).rejects.toThrow();
    expect(await prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: req.idempotencyKey } })).toMatchObject({ status: "PENDING" });
    graph().reset();
    expect(await sendOutbound(req)).toMatchObject({ status: "SENT", duplicate: false });
    expect(dmsTo(buyer.psid!)).toHaveLength(1);
    expect(await sendOutbound(req)).toMatchObject({ status: "SENT", duplicate: true });
    expect(dmsTo(buyer.psid!)).toHaveLength(1);
  });
});

describe("a public reply whose answer was lost", () => {
  // Meta would happily post a second public reply under the same comment, so a reply whose answer never
  // came back is not repeated by the Graph client; the Page's own reply found under the comment is it.
  const publicRepliesUnder = (metaCommentId: string) => graph().commentReplies.get(metaCommentId) ?? [];

  /** A BUY comment whose private reply went out; the next public reply under it meets `failure` once. */
  async function publicReplyMeeting(tag: string, failure: { drop: true } | { dropAnswer: true }) {
    const { store, buyers, pageId } = await shopWithBuyers(1);
    const buyer = buyers[0]!;
    const metaCommentId = `${pageId}_${tag}_${Date.now()}`;
    // The private reply first, as for every BUY comment (it also tells the fake which Page the token is).
    await sendOutbound({ kind: "PRIVATE_REPLY", storeId: store.id, buyerId: buyer.id, purpose: "checkout", idempotencyKey: `test:${metaCommentId}:private`, metaCommentId, message: textMessage("tu carrito") });
    graph().failNext({ ...failure, times: 1, path: `/${metaCommentId}/comments` });
    const req = { kind: "PUBLIC_REPLY" as const, storeId: store.id, buyerId: buyer.id, purpose: "ack", idempotencyKey: `test:${metaCommentId}:public`, metaCommentId, text: "¡Listo! Te escribimos por privado" };
    return { metaCommentId, req };
  }

  test("Meta posted it and the answer was lost: the Page's reply is found and recorded, never posted twice (in-process and on the retry)", async () => {
    const { metaCommentId, req } = await publicReplyMeeting("lost", { dropAnswer: true });
    expect(await sendOutbound(req)).toMatchObject({ status: "SENT", duplicate: false });
    expect(publicRepliesUnder(metaCommentId)).toHaveLength(1);
    const row = await prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: req.idempotencyKey } });
    expect(row).toMatchObject({ status: "SENT", externalId: publicRepliesUnder(metaCommentId)[0]!.id });
    expect(await sendOutbound(req)).toMatchObject({ status: "SENT", duplicate: true });
    expect(publicRepliesUnder(metaCommentId)).toHaveLength(1);
  });

  test("the answer was lost before Meta posted anything: the row waits as claimed, and the retry after its in-flight window posts it once", async () => {
    const { metaCommentId, req } = await publicReplyMeeting("dropped", { drop: true });
    await expect(sendOutbound(req)).rejects.toThrow(/no answer/);
    expect(graph().calls.filter((c) => c.kind === "comment_reply" && c.commentId === metaCommentId)).toHaveLength(1);
    // Nothing recorded (Meta may still post it): a retry inside PUBLIC_REPLY_IN_FLIGHT_SECONDS would wait for it on the Page.
    expect(await prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: req.idempotencyKey } })).toMatchObject({ status: "PENDING", error: null });
    await prisma.$executeRaw`UPDATE outbound_messages SET "claimedAt" = "claimedAt" - make_interval(secs => ${PUBLIC_REPLY_IN_FLIGHT_SECONDS + 1}) WHERE "idempotencyKey" = ${req.idempotencyKey}`;
    expect(await sendOutbound(req)).toMatchObject({ status: "SENT", duplicate: false });
    expect(publicRepliesUnder(metaCommentId)).toHaveLength(1);
  });
});
