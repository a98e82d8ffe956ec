import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createGateway } from "./create-gateway";
import { createSandboxNotification, signSandboxWebhook } from "./sandbox-signature";
import { APP_URL, linkInput, webhookRequest } from "@/tests/helpers/payment-gateways";

const SECRET = "sandbox-secret-0123456789";
const NOW = new Date("2026-11-21T15:00:00.000Z");

function sandbox(now = NOW, currency = "USD") {
  return createGateway({ provider: "sandbox", credentials: {}, appUrl: `${APP_URL}/`, sandboxSecret: SECRET, storeCurrency: currency, now: () => now });
}

function notification(overrides: { event?: "payment_success" | "payment_failure"; timestamp?: string; amount?: number | string } = {}) {
  const body = JSON.stringify({
    event: overrides.event ?? "payment_success",
    timestamp: overrides.timestamp ?? NOW.toISOString(),
    data: { order_id: "ord_sbx_1", transaction_id: "txn_1", amount: overrides.amount ?? 19.99 },
  });
  return { body, headers: { "content-type": "application/json", "X-Sandbox-Signature": signSandboxWebhook(body, SECRET) } };
}

describe("sandbox signature", () => {
  it("is sha256= and the hex HMAC-SHA256 of the raw body", () => {
    const body = '{"event":"payment_success"}';
    expect(signSandboxWebhook(body, SECRET)).toBe(`sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`);
  });
});

describe("sandbox gateway", () => {
  it("links to our own sandbox payment page for the order", async () => {
    const link = await sandbox().createLink(linkInput({ orderId: "ord sbx/1" }));
    expect(link).toMatchObject({ url: `${APP_URL}/sandbox/pay/ord%20sbx%2F1`, providerRef: "ord sbx/1" });
  });

  it("accepts a correctly signed, fresh notification", async () => {
    const n = notification();
    const result = await sandbox().verifyWebhook(webhookRequest(n));
    expect(result).toEqual({
      ok: true,
      lookup: {
        eventId: "sandbox:txn_1:payment_success",
        orderId: "ord_sbx_1",
        providerRef: "ord_sbx_1",
        paymentId: "txn_1",
        evidence: { rawBody: n.body, signature: n.headers["X-Sandbox-Signature"] },
      },
    });
  });

  it("rejects a missing, forged or wrong-secret signature and a mutated body", async () => {
    const n = notification();
    expect(await sandbox().verifyWebhook(webhookRequest({ ...n, headers: {} }))).toMatchObject({ ok: false, status: 401 });
    const forged = { "X-Sandbox-Signature": `sha256=${"0".repeat(64)}` };
    expect(await sandbox().verifyWebhook(webhookRequest({ ...n, headers: forged }))).toMatchObject({ ok: false, status: 403 });
    const otherSecret = { "X-Sandbox-Signature": signSandboxWebhook(n.body, "another-secret") };
    expect(await sandbox().verifyWebhook(webhookRequest({ ...n, headers: otherSecret }))).toMatchObject({ ok: false, status: 403 });
    const mutated = n.body.replace("19.99", "0.01");
    expect(await sandbox().verifyWebhook(webhookRequest({ ...n, body: mutated }))).toMatchObject({ ok: false, status: 403 });
  });

  it("rejects a replayed notification whose timestamp is more than 5 minutes old (or ahead)", async () => {
    const stale = notification({ timestamp: new Date(NOW.getTime() - 5 * 60_000 - 1_000).toISOString() });
    expect(await sandbox().verifyWebhook(webhookRequest(stale))).toMatchObject({ ok: false, status: 403, reason: expect.stringMatching(/replay/) });
    const ahead = notification({ timestamp: new Date(NOW.getTime() + 6 * 60_000).toISOString() });
    expect(await sandbox().verifyWebhook(webhookRequest(ahead))).toMatchObject({ ok: false, status: 403 });
    const recent = notification({ timestamp: new Date(NOW.getTime() - 4 * 60_000).toISOString() });
    expect(await sandbox().verifyWebhook(webhookRequest(recent))).toMatchObject({ ok: true });
  });

  it("rejects a signed body that is not a sandbox event", async () => {
    const body = JSON.stringify({ event: "payment_success", data: { order_id: "o" } });
    const req = webhookRequest({ body, headers: { "X-Sandbox-Signature": signSandboxWebhook(body, SECRET) } });
    expect(await sandbox().verifyWebhook(req)).toMatchObject({ ok: false, status: 400 });
  });

  it("reports the signed outcome with the amount in minor units of the store currency", async () => {
    const verified = await sandbox().verifyWebhook(webhookRequest(notification()));
    if (!verified.ok || !verified.lookup) throw new Error("expected a lookup");
    expect(await sandbox().fetchStatus(verified.lookup)).toMatchObject({ status: "paid", orderId: "ord_sbx_1", providerTxnId: "txn_1", amountMinor: 1999, currency: "USD" });

    const failed = await sandbox().verifyWebhook(webhookRequest(notification({ event: "payment_failure" })));
    if (!failed.ok || !failed.lookup) throw new Error("expected a lookup");
    expect(await sandbox().fetchStatus(failed.lookup)).toMatchObject({ status: "failed" });

    const clp = notification({ amount: 15990 });
    const clpVerified = await sandbox(NOW, "CLP").verifyWebhook(webhookRequest(clp));
    if (!clpVerified.ok || !clpVerified.lookup) throw new Error("expected a lookup");
    expect(await sandbox(NOW, "CLP").fetchStatus(clpVerified.lookup)).toMatchObject({ amountMinor: 15990, currency: "CLP" });
  });

  it("trusts only evidence that still verifies, and knows nothing without it", async () => {
    const n = notification();
    const tampered = { rawBody: n.body.replace("payment_success", "payment_failure"), signature: n.headers["X-Sandbox-Signature"] };
    await expect(sandbox().fetchStatus({ eventId: "e", evidence: tampered })).rejects.toMatchObject({ code: "invalid_evidence" });
    expect(await sandbox().fetchStatus({ eventId: "e", orderId: "ord_sbx_1" })).toMatchObject({ status: "pending", amountMinor: null });
  });

  it("builds notifications that its own verification accepts", async () => {
    const { body, signature } = createSandboxNotification({ event: "payment_success", orderId: "o1", transactionId: "t1", amountMinor: 1999, currency: "USD", secret: SECRET, now: NOW });
    expect(JSON.parse(body)).toEqual({ event: "payment_success", timestamp: NOW.toISOString(), data: { order_id: "o1", transaction_id: "t1", amount: 19.99 } });
    const verified = await sandbox().verifyWebhook(webhookRequest({ body, headers: { "X-Sandbox-Signature": signature } }));
    expect(verified).toMatchObject({ ok: true, lookup: { orderId: "o1" } });
  });

  it("refunds deterministically per idempotency key", async () => {
    const a = await sandbox().refund({ providerTxnId: "txn_1", amountMinor: 1999, currency: "USD", idempotencyKey: "k1" });
    const b = await sandbox().refund({ providerTxnId: "txn_1", amountMinor: 1999, currency: "USD", idempotencyKey: "k1" });
    const c = await sandbox().refund({ providerTxnId: "txn_1", amountMinor: 1999, currency: "USD", idempotencyKey: "k2" });
    expect(a).toEqual(b);
    expect(a.refundId).not.toBe(c.refundId);
  });
});
