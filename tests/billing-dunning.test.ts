import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { runBillingSweep } from "@/lib/billing/collect/run-billing-sweep";
import { chargeInvoice } from "@/lib/billing/collect/charge-invoice";
import { issueDueInvoices } from "@/lib/billing/collect/issue-invoices";
import { BILLING_SUSPENSION_REASON } from "@/lib/billing/collect/dunning-policy";
import { assertWithinPlan } from "@/lib/billing/limits";
import * as billingRoute from "@/app/api/v1/stores/[id]/billing/route";
import * as invoicesRoute from "@/app/api/v1/stores/[id]/invoices/route";
import * as sellerMethodRoute from "@/app/api/v1/stores/[id]/billing/payment-method/route";
import * as adminMethodRoute from "@/app/api/admin/tenants/[id]/payment-method/route";
import * as payRoute from "@/app/api/admin/invoices/[id]/pay/route";
import { startFakePaypal, type FakePaypal } from "./fakes/payments/paypal";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

// Issue 17: collection of the platform's own invoices and dunning. Real PostgreSQL, the real job driver
// and a local fake of PayPal's REST API; the billing clock is moved explicitly (runBillingSweep({now})),
// never slept on.

const DAY = 24 * 3600_000;
let paypal: FakePaypal;
beforeAll(async () => {
  paypal = await startFakePaypal({ clientId: "platform-app", clientSecret: "platform-secret" });
  process.env.PAYPAL_API_URL = paypal.url;
  process.env.BILLING_PAYPAL_CLIENT_ID = "platform-app";
  process.env.BILLING_PAYPAL_CLIENT_SECRET = "platform-secret";
  process.env.APP_URL = "http://localhost:3999";
  reloadEnv();
});
afterAll(async () => paypal.close());

async function sweep(now: Date) {
  const summary = await runBillingSweep({ now });
  await runJobsUntilIdle({ functions: jobFunctions });
  return summary;
}

async function superadmin() {
  const admin = await signUp();
  await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
  return admin;
}

const emailsTo = (to: string, template: string) => prisma.email.count({ where: { to, template } });
const actions = async (storeId: string) => (await prisma.auditLog.findMany({ where: { storeId, action: { startsWith: "billing." } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);

/** A store on a paid plan since the start of last month (no trial), so last month closes with a full fee to collect. */
async function payingStore({ vault }: { vault?: string } = {}) {
  const owner = await signUp();
  const store = await createStoreFor(owner.accessToken, { currency: "USD", country: "US" });
  const now = new Date();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  await prisma.subscription.update({ where: { storeId: store.id }, data: { createdAt: since, trialEndsAt: since, status: "ACTIVE", paymentMethod: vault ? "paypal" : null, paymentToken: vault ?? null } });
  return { owner, store };
}

describe("dunning: a failed charge is retried on day 1, 3 and 5, then read-only, then suspended", () => {
  test("a declined PayPal is retried on schedule (never early, never twice), and paying on the third try makes the store active again", async () => {
    const vault = `VAULT-${crypto.randomUUID()}`;
    paypal.vault(vault, "decline");
    const { owner, store } = await payingStore({ vault });
    const t0 = new Date();
    const charges = () => paypal.vaultCharges().filter((c) => c.vaultId === vault);

    await sweep(t0);
    const [invoice] = await prisma.invoice.findMany({ where: { storeId: store.id } });
    expect(invoice).toMatchObject({ status: "open", attempts: 1, lastError: "instrument_declined", totals: { USD: 2900 } });
    expect(charges()).toEqual([expect.objectContaining({ currency: "USD", value: "29.00", status: "DECLINED", customId: invoice!.id })]);
    expect(invoice!.nextAttemptAt!.getTime()).toBe(t0.getTime() + 1 * DAY);
    let billing = await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(billing.body).toMatchObject({ status: "past_due", collection: { method: "paypal", stage: "past_due", past_due_since: t0.toISOString() } });
    expect(await emailsTo(owner.email, "billing_payment_failed")).toBe(1);

    // The same sweep again, and an hour later: the retry is not due, nothing is charged.
    await sweep(t0);
    await sweep(new Date(t0.getTime() + 3600_000));
    expect(charges()).toHaveLength(1);

    await sweep(new Date(t0.getTime() + 1 * DAY));
    expect(charges()).toHaveLength(2);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice!.id } })).toMatchObject({ attempts: 2, nextAttemptAt: new Date(t0.getTime() + 3 * DAY) });
    // A replayed job for an attempt that already happened charges nothing.
    expect(await chargeInvoice({ invoiceId: invoice!.id, attempt: 1, now: new Date(t0.getTime() + 3 * DAY) })).toEqual({ status: "skipped" });
    await sweep(new Date(t0.getTime() + 2 * DAY));
    expect(charges()).toHaveLength(2);

    paypal.vault(vault, "ok");
    await sweep(new Date(t0.getTime() + 3 * DAY));
    expect(charges().map((c) => c.status)).toEqual(["DECLINED", "DECLINED", "COMPLETED"]);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice!.id } })).toMatchObject({ status: "paid", attempts: 2, nextAttemptAt: null });
    billing = await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(billing.body).toMatchObject({ status: "active", collection: { stage: null, past_due_since: null } });
    expect(await emailsTo(owner.email, "billing_payment_received")).toBe(1);
    expect(await emailsTo(owner.email, "billing_payment_failed")).toBe(2);
    expect(await actions(store.id)).toEqual(["billing.payment_failed", "billing.payment_failed", "billing.invoice_paid", "billing.reactivated"]);

    // Paid is final: later sweeps charge nothing more.
    await sweep(new Date(t0.getTime() + 10 * DAY));
    expect(charges()).toHaveLength(3);
  });

  test("still unpaid after the last retry: read-only after the grace period (no new live), suspended after 30 days (the bot stops), each once; a confirmed transfer reactivates at once", async () => {
    const vault = `VAULT-${crypto.randomUUID()}`;
    paypal.vault(vault, "decline");
    const { owner, store } = await payingStore({ vault });
    const t0 = new Date();
    for (const d of [0, 1, 3, 5]) await sweep(new Date(t0.getTime() + d * DAY));
    expect(paypal.vaultCharges().filter((c) => c.vaultId === vault)).toHaveLength(4);
    const [invoice] = await prisma.invoice.findMany({ where: { storeId: store.id } });
    expect(invoice).toMatchObject({ attempts: 4, nextAttemptAt: null, status: "open" });
    // The final failure has no retry to announce: three "we will try again" emails, not four.
    expect(await emailsTo(owner.email, "billing_payment_failed")).toBe(3);

    await sweep(new Date(t0.getTime() + 6 * DAY));
    expect((await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body.status).toBe("past_due");
    await sweep(new Date(t0.getTime() + 7 * DAY + 3600_000));
    await sweep(new Date(t0.getTime() + 8 * DAY));
    expect((await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body).toMatchObject({ status: "read_only", collection: { stage: "read_only" } });
    await expect(assertWithinPlan({ storeId: store.id, resource: "lives", adding: 1 })).rejects.toMatchObject({ status: 402, code: "subscription_inactive" });
    expect(await emailsTo(owner.email, "billing_read_only")).toBe(1);
    expect((await prisma.store.findUniqueOrThrow({ where: { id: store.id } })).suspendedAt).toBeNull();

    await sweep(new Date(t0.getTime() + 30 * DAY + 3600_000));
    await sweep(new Date(t0.getTime() + 31 * DAY));
    const suspended = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
    expect(suspended.suspendedAt).not.toBeNull();
    expect(suspended.suspendedReason).toBe(BILLING_SUSPENSION_REASON);
    expect(await emailsTo(owner.email, "billing_suspended")).toBe(1);

    // The seller switches to bank transfer (by its first name, "bank_transfer", still accepted and stored as
    // "transfer"); a superadmin confirms the transfer: active again, suspension lifted.
    expect((await call(sellerMethodRoute.PUT, { method: "PUT", params: { id: store.id }, token: owner.accessToken, body: { method: "bank_transfer" } })).status).toBe(200);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).paymentMethod).toBe("transfer");
    const admin = await superadmin();
    const open = await prisma.invoice.findMany({ where: { storeId: store.id, status: "open" } });
    for (const inv of open) {
      const res = await call(payRoute.POST, { params: { id: inv.id }, token: admin.accessToken, body: { reference: "TRX-778" } });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe("paid");
    }
    const after = await prisma.store.findUniqueOrThrow({ where: { id: store.id } });
    expect(after.suspendedAt).toBeNull();
    expect((await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body).toMatchObject({ status: "active", collection: { method: "transfer", stage: null } });
    await expect(assertWithinPlan({ storeId: store.id, resource: "lives", adding: 1 })).resolves.toBeUndefined();
    expect(await actions(store.id)).toEqual(expect.arrayContaining(["billing.read_only", "billing.suspended", "billing.payment_method_changed", "billing.invoice_paid", "billing.reactivated"]));
    // Paying again is a conflict that changes nothing.
    const again = await call(payRoute.POST, { params: { id: open[0]!.id }, token: admin.accessToken, body: { reference: "TRX-778" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("invoice_not_open");
  });

  test("a superadmin's own suspension is not lifted by a payment", async () => {
    const vault = `VAULT-${crypto.randomUUID()}`;
    paypal.vault(vault, "decline");
    const { store } = await payingStore({ vault });
    const t0 = new Date();
    await sweep(t0);
    await prisma.store.update({ where: { id: store.id }, data: { suspendedAt: new Date(), suspendedReason: "Fraud review" } });
    paypal.vault(vault, "ok");
    await sweep(new Date(t0.getTime() + 1 * DAY));
    expect((await prisma.invoice.findFirstOrThrow({ where: { storeId: store.id } })).status).toBe("paid");
    expect((await prisma.store.findUniqueOrThrow({ where: { id: store.id } })).suspendedReason).toBe("Fraud review");
  });
});

describe("trials and bank transfers", () => {
  test("a trial that ends without a payment method is past due from its end, emailed once; with a method it becomes active", async () => {
    const a = await signUp();
    const noMethod = await createStoreFor(a.accessToken);
    const b = await signUp();
    const withMethod = await createStoreFor(b.accessToken);
    await call(sellerMethodRoute.PUT, { method: "PUT", params: { id: withMethod.id }, token: b.accessToken, body: { method: "transfer" } });
    const sub = await prisma.subscription.findUniqueOrThrow({ where: { storeId: noMethod.id } });
    const end = sub.trialEndsAt!;
    await sweep(new Date(end.getTime() - 60_000));
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: noMethod.id } })).status).toBe("TRIALING");
    await sweep(new Date(end.getTime() + 60_000));
    await sweep(new Date(end.getTime() + 120_000));
    expect(await prisma.subscription.findUniqueOrThrow({ where: { storeId: noMethod.id } })).toMatchObject({ status: "PAST_DUE", pastDueSince: end, dunningStage: "past_due" });
    expect(await emailsTo(a.email, "billing_trial_ended")).toBe(1);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: withMethod.id } })).status).toBe("ACTIVE");
    expect(await emailsTo(b.email, "billing_trial_ended")).toBe(0);
  });

  test("a bank-transfer invoice waits 5 days before it counts as unpaid", async () => {
    const { owner, store } = await payingStore();
    await call(sellerMethodRoute.PUT, { method: "PUT", params: { id: store.id }, token: owner.accessToken, body: { method: "transfer" } });
    const t0 = new Date();
    await sweep(t0);
    const [inv] = await prisma.invoice.findMany({ where: { storeId: store.id } });
    expect(inv).toMatchObject({ status: "open", attempts: 0, lastError: "awaiting_transfer", nextAttemptAt: new Date(t0.getTime() + 5 * DAY) });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).pastDueSince).toBeNull();
    await sweep(new Date(t0.getTime() + 5 * DAY));
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: inv!.id } })).toMatchObject({ attempts: 1, lastError: "transfer_not_received" });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).status).toBe("PAST_DUE");
  });
});

describe("invoices and the payment-method API", () => {
  test("invoice numbers are one gapless sequence even when stores are invoiced concurrently and repeatedly", async () => {
    const stores = await Promise.all([payingStore(), payingStore(), payingStore()]);
    await Promise.all(stores.flatMap(({ store }) => [issueDueInvoices({ storeId: store.id }), issueDueInvoices({ storeId: store.id })]));
    const numbers = (await prisma.invoice.findMany({ select: { number: true }, orderBy: { number: "asc" } })).map((i) => i.number);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    for (const { store } of stores) expect(await prisma.invoice.count({ where: { storeId: store.id } })).toBe(1);
  });

  test("a month spent in the trial costs nothing; the listed invoice shows its totals and collection state", async () => {
    const { owner, store } = await payingStore();
    const now = new Date();
    await prisma.subscription.update({ where: { storeId: store.id }, data: { trialEndsAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) } });
    const res = await call(invoicesRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    const [draft, last] = res.body.items;
    expect(last).toMatchObject({ subscription_minor: 0, totals: {}, status: "paid", attempts: 0 });
    expect(draft).toMatchObject({ subscription_minor: 2900, totals: { USD: 2900 } });
  });

  test("payment method: the owner may choose transfer, bad input 422 naming the field, staff-less stranger 404; the admin route is 404 to sellers and needs a vault id for PayPal", async () => {
    const { owner, store } = await payingStore();
    const bad = await call(sellerMethodRoute.PUT, { method: "PUT", params: { id: store.id }, token: owner.accessToken, body: { method: "paypal" } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error.details)).toContain("method");
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id } })).paymentMethod).toBeNull();
    const stranger = await signUp();
    expect((await call(sellerMethodRoute.PUT, { method: "PUT", params: { id: store.id }, token: stranger.accessToken, body: { method: "bank_transfer" } })).status).toBe(404);
    expect((await call(adminMethodRoute.PUT, { method: "PUT", params: { id: store.id }, token: owner.accessToken, body: { method: "bank_transfer" } })).status).toBe(404);
    expect((await call(payRoute.POST, { params: { id: "nope" }, token: owner.accessToken, body: { reference: "x" } })).status).toBe(404);

    const admin = await superadmin();
    const noVault = await call(adminMethodRoute.PUT, { method: "PUT", params: { id: store.id }, token: admin.accessToken, body: { method: "paypal" } });
    expect(noVault.status).toBe(422);
    expect(JSON.stringify(noVault.body.error.details)).toContain("vault_id");
    const ok = await call(adminMethodRoute.PUT, { method: "PUT", params: { id: store.id }, token: admin.accessToken, body: { method: "paypal", vault_id: "VAULT-abc" } });
    expect(ok.body).toEqual({ method: "paypal", saved: true });
    expect((await call(adminMethodRoute.PUT, { method: "PUT", params: { id: "missing-store" }, token: admin.accessToken, body: { method: "bank_transfer" } })).status).toBe(404);
    expect((await call(payRoute.POST, { params: { id: "missing-invoice" }, token: admin.accessToken, body: { reference: "x" } })).status).toBe(404);
  });
});
