import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { chargeInvoice } from "@/lib/billing/collect/charge-invoice";
import { issueDueInvoices } from "@/lib/billing/collect/issue-invoices";
import { createPreapproval } from "@/lib/billing/collect/platform-providers";
import * as setupRoute from "@/app/api/v1/stores/[id]/billing/payment-method/setup/route";
import * as completeRoute from "@/app/api/v1/stores/[id]/billing/payment-method/complete/route";
import * as billingWebhook from "@/app/api/webhooks/billing/[provider]/route";
import { startFakePaypal, type FakePaypal } from "./fakes/payments/paypal";
import { startFakeMercadoPago, type FakeMercadoPago } from "./fakes/payments/mercadopago";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

// Issue 17 §5: collection through the providers sellers in the region have — a saved PayPal wallet
// (Vault v3) and a Mercado Pago subscription (preapproval) — and the providers' webhooks, verified the
// provider's way before anything is stored, idempotent, moving the invoice and the store. Real
// PostgreSQL; local fakes of PayPal's and Mercado Pago's APIs reached through PAYPAL_API_URL and
// MERCADOPAGO_API_URL by the production adapters.

let paypal: FakePaypal;
let mp: FakeMercadoPago;
beforeAll(async () => {
  paypal = await startFakePaypal({ clientId: "platform-app", clientSecret: "platform-secret", webhookId: "WH-PLATFORM" });
  mp = await startFakeMercadoPago({ webhookSecret: "platform-mp-secret" });
  Object.assign(process.env, {
    PAYPAL_API_URL: paypal.url, BILLING_PAYPAL_CLIENT_ID: "platform-app", BILLING_PAYPAL_CLIENT_SECRET: "platform-secret", BILLING_PAYPAL_WEBHOOK_ID: "WH-PLATFORM",
    MERCADOPAGO_API_URL: mp.url, BILLING_MERCADOPAGO_ACCESS_TOKEN: mp.accessToken, BILLING_MERCADOPAGO_WEBHOOK_SECRET: "platform-mp-secret", APP_URL: "http://localhost:3999",
  });
  reloadEnv();
});
afterAll(async () => {
  await paypal.close();
  await mp.close();
});

/** A store paying since the start of last month (no trial) on `plan`, so last month closes with its fee to collect. */
async function payingStore(plan?: { priceMinor: number; currency: string }) {
  const owner = await signUp();
  const store = await createStoreFor(owner.accessToken, { currency: plan?.currency ?? "USD", country: plan?.currency === "CLP" ? "CL" : "US" });
  const now = new Date();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const planRow = plan ? await prisma.plan.create({ data: { code: `p-${randomBytes(4).toString("hex")}`, name: "Local", priceMinor: plan.priceMinor, currency: plan.currency } }) : null;
  await prisma.subscription.update({ where: { storeId: store.id }, data: { createdAt: since, trialEndsAt: since, status: "ACTIVE", ...(planRow ? { planId: planRow.id } : {}) } });
  return { owner, store };
}

async function follow(url: string) {
  const res = await fetch(url, { redirect: "manual" });
  return new URL(res.headers.get("location")!);
}

/** Delivers a signed notification to the billing webhook route as the provider would. */
function deliverTo(provider: "paypal" | "mercadopago", n: { url?: string; headers: Record<string, string>; body: string }) {
  const u = new URL(n.url ?? `http://localhost/api/webhooks/billing/${provider}`);
  return call(billingWebhook.POST, { method: "POST", path: `/api/webhooks/billing/${provider}${u.search}`, params: { provider }, headers: n.headers, rawBody: n.body });
}

const hook = (provider: string) => `http://localhost:3999/api/webhooks/billing/${provider}`;
const lastMonthInvoice = async (storeId: string) => {
  await issueDueInvoices({ storeId });
  return prisma.invoice.findFirstOrThrow({ where: { storeId, status: { in: ["open", "paid"] } }, orderBy: { number: "desc" } });
};

describe("PayPal: the owner saves a wallet (Vault v3) and the platform charges it", () => {
  test("setup → PayPal approval → the payment token is saved and charged; completing before approval is 409 and another store's token 404", async () => {
    const { owner, store } = await payingStore();
    const started = await call(setupRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { method: "paypal" } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.approve_url).toContain(`${paypal.url}/agreements/approve`);
    const setupToken = new URL(started.body.approve_url).searchParams.get("approval_session_id")!;

    const early = await call(completeRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { provider: "paypal", token: setupToken } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("setup_not_approved");
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).paymentMethod).toBeNull();

    const back = await follow(started.body.approve_url);
    expect(back.pathname).toBe("/dashboard/billing/return");
    expect(back.searchParams.get("approval_token_id")).toBe(setupToken);

    const other = await payingStore();
    expect((await call(completeRoute.POST, { params: { id: other.store.id }, token: other.owner.accessToken, body: { provider: "paypal", token: setupToken } })).status).toBe(404);
    expect((await call(completeRoute.POST, { params: { id: store.id }, token: other.owner.accessToken, body: { provider: "paypal", token: setupToken } })).status).toBe(404);

    const done = await call(completeRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { provider: "paypal", token: setupToken } });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ method: "paypal", saved: true });
    const sub = await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } });
    expect(sub).toMatchObject({ paymentMethod: "paypal", pendingMethod: null, pendingToken: null });
    expect(paypal.setupToken(setupToken)!.status).toBe("VAULTED");

    const invoice = await lastMonthInvoice(store.id);
    expect(await chargeInvoice({ invoiceId: invoice.id, attempt: 0 })).toEqual({ status: "paid" });
    expect(paypal.vaultCharges().filter((c) => c.customId === invoice.id)).toEqual([expect.objectContaining({ vaultId: sub.paymentToken, currency: "USD", value: "29.00", status: "COMPLETED" })]);
  });

  test("bad input is 422 naming the field and changes nothing", async () => {
    const { owner, store } = await payingStore();
    const bad = await call(setupRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { method: "card" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("method");
    const badToken = await call(completeRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { provider: "paypal" } });
    expect(badToken.status).toBe(422);
    expect(badToken.body.error.details[0].field).toBe("token");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).toMatchObject({ paymentMethod: null, pendingMethod: null });
  });

  test("webhook: a capture left PENDING fails the attempt, and PayPal's signed PAYMENT.CAPTURE.COMPLETED later settles the invoice once; a forged one is 403 and stores nothing", async () => {
    const { store } = await payingStore();
    const vaultId = `v-${randomBytes(3).toString("hex")}`;
    paypal.vault(vaultId, "pending");
    await prisma.subscription.update({ where: { storeId: store.id }, data: { paymentMethod: "paypal", paymentToken: vaultId } });
    const invoice = await lastMonthInvoice(store.id);
    expect(await chargeInvoice({ invoiceId: invoice.id, attempt: 0 })).toEqual({ status: "failed", code: "pending" });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).status).toBe("PAST_DUE");
    const charge = paypal.vaultCharges().find((c) => c.customId === invoice.id)!;

    paypal.setCaptureStatus(charge.captureId!, "COMPLETED");
    const event = paypal.webhookEvent("PAYMENT.CAPTURE.COMPLETED", charge.orderId!);
    const events = () => prisma.webhookEvent.count({ where: { source: "billing:paypal" } });
    const before = await events();
    const forged = await deliverTo("paypal", paypal.signWebhook(event, { webhookId: "WH-SOMEONE-ELSE" }));
    expect(forged.status).toBe(403);
    expect(await events()).toBe(before);
    const unsigned = await deliverTo("paypal", { headers: { "content-type": "application/json" }, body: JSON.stringify(event) });
    expect(unsigned.status).toBe(401);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("open");

    const signed = paypal.signWebhook(event);
    const first = await deliverTo("paypal", signed);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.outcome).toBe("invoice_paid");
    const paid = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(paid.status).toBe("paid");
    expect(JSON.parse(paid.providerRef!)).toEqual({ USD: charge.captureId });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).status).toBe("ACTIVE");
    const again = await deliverTo("paypal", signed);
    expect(again.body.duplicate).toBe(true);
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: "billing.invoice_paid" } })).toBe(1);
  });

  test("webhook: PayPal says the vaulted token was deleted → the store has no payment method (audited)", async () => {
    const { store } = await payingStore();
    await prisma.subscription.update({ where: { storeId: store.id }, data: { paymentMethod: "paypal", paymentToken: "tok-deleted-1" } });
    const event = { id: `WH-${randomBytes(6).toString("hex")}`, event_type: "VAULT.PAYMENT-TOKEN.DELETED", resource_type: "payment_token", resource: { id: "tok-deleted-1" } };
    const res = await deliverTo("paypal", paypal.signWebhook(event));
    expect(res.body.outcome).toBe("payment_method_removed");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).toMatchObject({ paymentMethod: null, paymentToken: null });
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: "billing.payment_method_changed", actorType: "SYSTEM" } })).toBe(1);
  });
});

describe("Mercado Pago: the owner subscribes (preapproval) and each debit pays an invoice", () => {
  test("subscribe → authorize at Mercado Pago → signed subscription_preapproval webhook saves it; the invoice becomes the next debit and the debit's webhook pays it once", async () => {
    const { owner, store } = await payingStore({ priceMinor: 19990, currency: "CLP" });
    const started = await call(setupRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { method: "mercadopago" } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const preapprovalId = new URL(started.body.approve_url).searchParams.get("preapproval_id")!;
    expect(mp.preapproval(preapprovalId)).toMatchObject({ status: "pending", external_reference: store.id, auto_recurring: { frequency: 1, frequency_type: "months", transaction_amount: 19990, currency_id: "CLP" } });

    // Not authorized yet: the webhook changes nothing.
    const pendingHook = await deliverTo("mercadopago", mp.subscriptionNotification("subscription_preapproval", preapprovalId, { targetUrl: hook("mercadopago") }));
    expect(pendingHook.body.outcome).toBe("subscription_pending");
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).paymentMethod).toBeNull();

    const back = await follow(started.body.approve_url);
    expect(back.searchParams.get("preapproval_id")).toBe(preapprovalId);
    const authorized = await deliverTo("mercadopago", mp.subscriptionNotification("subscription_preapproval", preapprovalId, { targetUrl: hook("mercadopago") }));
    expect(authorized.body.outcome).toBe("subscription_authorized");
    expect(await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).toMatchObject({ paymentMethod: "mercadopago", paymentToken: preapprovalId, pendingToken: null });

    const invoice = await lastMonthInvoice(store.id);
    expect(invoice.totals).toEqual({ CLP: 19990 + 0 });
    await prisma.invoice.update({ where: { id: invoice.id }, data: { totals: { CLP: 21500 } } }); // fee + commission
    expect(await chargeInvoice({ invoiceId: invoice.id, attempt: 0 })).toEqual({ status: "awaiting_provider" });
    expect(mp.preapproval(preapprovalId)).toMatchObject({ auto_recurring: { transaction_amount: 21500 } });
    expect(await chargeInvoice({ invoiceId: invoice.id, attempt: 0 })).toEqual({ status: "skipped" });

    const debitId = mp.debit(preapprovalId);
    const n = mp.subscriptionNotification("subscription_authorized_payment", debitId, { targetUrl: hook("mercadopago") });
    const events = () => prisma.webhookEvent.count({ where: { source: "billing:mercadopago" } });
    const before = await events();
    expect((await deliverTo("mercadopago", { ...n, headers: { ...n.headers, "x-signature": n.headers["x-signature"]!.replace(/v1=(\w)/, (_, c: string) => `v1=${c === "0" ? "1" : "0"}`) } })).status).toBe(403);
    expect((await deliverTo("mercadopago", mp.subscriptionNotification("subscription_authorized_payment", debitId, { targetUrl: hook("mercadopago"), secret: "wrong" }))).status).toBe(403);
    const { "x-signature": _dropped, ...unsigned } = n.headers;
    expect((await deliverTo("mercadopago", { ...n, headers: unsigned })).status).toBe(401);
    expect(await events()).toBe(before);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("open");

    const paid = await deliverTo("mercadopago", n);
    expect(paid.body.outcome).toBe("invoice_paid");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("paid");
    expect((await deliverTo("mercadopago", n)).body.duplicate).toBe(true);
    // The same debit announced again under another notification id: still paid once.
    expect((await deliverTo("mercadopago", mp.subscriptionNotification("subscription_authorized_payment", debitId, { targetUrl: hook("mercadopago") }))).body.outcome).toBe("no_matching_invoice");
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: "billing.invoice_paid" } })).toBe(1);
  });

  test("a refused debit shows why on the invoice; unpaid after the due days it fails like a declined charge (past due)", async () => {
    const { store } = await payingStore({ priceMinor: 9900, currency: "CLP" });
    const created = await createPreapproval({ storeId: store.id, payerEmail: "o@example.com", backUrl: "http://localhost:3999/x", amountMinor: 9900, currency: "CLP" });
    await follow(created.initPoint);
    await prisma.subscription.update({ where: { storeId: store.id }, data: { paymentMethod: "mercadopago", paymentToken: created.id } });
    const invoice = await lastMonthInvoice(store.id);
    const now = new Date();
    expect(await chargeInvoice({ invoiceId: invoice.id, attempt: 0, now })).toEqual({ status: "awaiting_provider" });
    const debitId = mp.debit(created.id, { status: "rejected" });
    expect((await deliverTo("mercadopago", mp.subscriptionNotification("subscription_authorized_payment", debitId, { targetUrl: hook("mercadopago") }))).body.outcome).toBe("debit_rejected");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).lastError).toBe("mercadopago_rejected");
    expect(await chargeInvoice({ invoiceId: invoice.id, attempt: 0, now: new Date(now.getTime() + 4 * 86_400_000) })).toEqual({ status: "skipped" });
    expect(await chargeInvoice({ invoiceId: invoice.id, attempt: 0, now: new Date(now.getTime() + 6 * 86_400_000) })).toEqual({ status: "failed", code: "mercadopago_rejected" });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).status).toBe("PAST_DUE");
  });

  test("a plan priced in a currency Mercado Pago does not charge is 422 naming the method; replacing a Mercado Pago subscription with PayPal cancels it at Mercado Pago", async () => {
    const usd = await payingStore();
    const refused = await call(setupRoute.POST, { params: { id: usd.store.id }, token: usd.owner.accessToken, body: { method: "mercadopago" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0]).toMatchObject({ field: "method", code: "currency_not_supported" });
    expect(mp.preapprovals().filter((p) => p.external_reference === usd.store.id)).toEqual([]);

    const { owner, store } = await payingStore({ priceMinor: 19990, currency: "CLP" });
    const started = await call(setupRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { method: "mercadopago" } });
    const preapprovalId = new URL(started.body.approve_url).searchParams.get("preapproval_id")!;
    await follow(started.body.approve_url);
    expect((await call(completeRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { provider: "mercadopago", token: preapprovalId } })).body).toEqual({ method: "mercadopago", saved: true });

    const pp = await call(setupRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { method: "paypal" } });
    // Until PayPal is approved, Mercado Pago keeps collecting.
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).paymentMethod).toBe("mercadopago");
    const setupToken = new URL(pp.body.approve_url).searchParams.get("approval_session_id")!;
    await follow(pp.body.approve_url);
    await call(completeRoute.POST, { params: { id: store.id }, token: owner.accessToken, body: { provider: "paypal", token: setupToken } });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).paymentMethod).toBe("paypal");
    expect(mp.preapproval(preapprovalId).status).toBe("cancelled");
  });
});
