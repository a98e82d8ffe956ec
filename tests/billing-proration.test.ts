import { describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { changePlan } from "@/lib/billing/change-plan";
import { issueDueInvoices } from "@/lib/billing/collect/issue-invoices";
import { runBillingSweep } from "@/lib/billing/collect/run-billing-sweep";
import { ensureDefaultPlans } from "@/lib/billing/plans";
import { subscriptionFees } from "@/lib/billing/proration";
import * as planRoute from "@/app/api/v1/stores/[id]/plan/route";
import * as previewRoute from "@/app/api/v1/stores/[id]/plan/preview/route";
import * as billingRoute from "@/app/api/v1/stores/[id]/billing/route";
import { renderInvoicePdf } from "@/lib/billing/invoice-pdf";
import { call } from "./helpers/api";
import { pdfText } from "./helpers/pdf-text";
import { createStoreFor, signUp } from "./helpers/factories";

// Issue 17 §1: "upgrade now with proration, downgrade at period end". The clock is passed explicitly.
// Starter 29.00 USD, Pro 79.00 USD a month (the default plans).

const JUNE = { start: new Date("2027-06-01T00:00:00Z"), end: new Date("2027-07-01T00:00:00Z") };
const at = (iso: string) => new Date(iso);

/** A store on Starter, paying since 1 May 2027 (no trial), with its subscription clock set. */
async function starterStore() {
  await ensureDefaultPlans();
  const owner = await signUp();
  const store = await createStoreFor(owner.accessToken, { currency: "USD", country: "US" });
  const starter = await prisma.plan.findUniqueOrThrow({ where: { code: "starter" } });
  const since = at("2027-05-01T00:00:00Z");
  await prisma.subscription.update({ where: { storeId: store.id }, data: { planId: starter.id, createdAt: since, trialEndsAt: since, status: "ACTIVE" } });
  return { owner, store };
}

describe("proration arithmetic", () => {
  test("an upgrade on day 21 of 30 adds (79 − 29) × 10/30 to the month; a change at the month's end adds nothing; the trial costs nothing", () => {
    const w = { ...JUNE, createdAt: at("2027-01-01T00:00:00Z"), trialEndsAt: null };
    const up = { effectiveAt: at("2027-06-21T00:00:00Z"), fromPriceMinor: 2900, toPriceMinor: 7900, fromCurrency: "USD", toCurrency: "USD" };
    expect(subscriptionFees({ ...w, current: { priceMinor: 7900, currency: "USD" }, changes: [up] })).toEqual({ USD: 2900 + Math.round((5000 * 10) / 30) });
    const down = { ...up, effectiveAt: JUNE.end, fromPriceMinor: 7900, toPriceMinor: 2900 };
    expect(subscriptionFees({ ...w, current: { priceMinor: 7900, currency: "USD" }, changes: [down] })).toEqual({ USD: 7900 });
    expect(subscriptionFees({ ...w, trialEndsAt: JUNE.end, current: { priceMinor: 7900, currency: "USD" }, changes: [up] })).toEqual({});
  });
});

describe("changing plan mid-month", () => {
  test("the owner sees the upgrade's price difference first (nothing changes), confirms, and June's invoice charges exactly that", async () => {
    const { owner, store } = await starterStore();
    const now = at("2027-06-21T00:00:00Z");
    const { previewPlanChange } = await import("@/lib/billing/change-plan");
    const quote = await previewPlanChange({ storeId: store.id, planCode: "pro", now });
    expect(quote).toMatchObject({ kind: "upgrade", from: { plan: "starter", price_minor: 2900 }, to: { plan: "pro", price_minor: 7900 }, proration_minor: { USD: 1667 }, next_period_minor: 7900 });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id }, include: { plan: true } })).plan.code).toBe("starter");

    const route = await call(previewRoute.GET, { path: `/api/v1/stores/${store.id}/plan/preview?plan=pro`, params: { id: store.id }, token: owner.accessToken });
    expect(route.status).toBe(200);
    expect(route.body).toMatchObject({ kind: "upgrade", to: { plan: "pro" } });

    const changed = await changePlan({ storeId: store.id, planCode: "pro", actorId: owner.userId, now });
    expect(changed).toMatchObject({ plan: "pro", scheduled: null, change: { proration_minor: { USD: 1667 } } });
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: "plan.changed" } })).toBe(1);

    await issueDueInvoices({ storeId: store.id, now: at("2027-07-01T01:00:00Z") });
    const june = await prisma.invoice.findUniqueOrThrow({ where: { storeId_period: { storeId: store.id, period: "2027-06" } } });
    expect(june.subscriptionMinor).toBe(2900 + 1667);
    expect(june.totals).toEqual({ USD: 2900 + 1667 });
    expect(june.planCode).toBe("pro");
    // The PDF shows the month's base fee and the upgrade on its own line; they add up to the total.
    const text = pdfText((await renderInvoicePdf({ invoiceId: june.id, locale: "es" })).pdf).join("\n");
    expect(text).toContain("Suscripción al plan Starter, 2027-06\n29,00 US$");
    expect(text).toMatch(/Cambio de plan de Starter a Pro el 21 de junio de 2027 \(resto del mes\)\n16,67 US\$/);
    expect(text).toContain("Total USD\n45,67 US$");
    const may = await prisma.invoice.findUniqueOrThrow({ where: { storeId_period: { storeId: store.id, period: "2027-05" } } });
    expect(may.totals).toEqual({ USD: 2900 });
  });

  test("a downgrade waits for the month's end: limits and price stay this month, the sweep applies it once, July is billed at the lower price", async () => {
    const { owner, store } = await starterStore();
    await changePlan({ storeId: store.id, planCode: "pro", actorId: owner.userId, now: at("2027-05-01T00:00:00Z") });
    const now = at("2027-06-10T00:00:00Z");
    const res = await changePlan({ storeId: store.id, planCode: "starter", actorId: owner.userId, now });
    expect(res).toMatchObject({ plan: "pro", scheduled: { plan: "starter", effective_at: JUNE.end.toISOString() }, change: { kind: "downgrade", proration_minor: {} } });
    expect(await prisma.auditLog.count({ where: { storeId: store.id, action: "plan.change_scheduled" } })).toBe(1);

    await runBillingSweep({ now: at("2027-06-30T23:00:00Z") });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id }, include: { plan: true } })).plan.code).toBe("pro");
    const july1 = at("2027-07-01T00:30:00Z");
    expect((await runBillingSweep({ now: july1 })).plan_changes).toBe(1);
    expect((await runBillingSweep({ now: july1 })).plan_changes).toBe(0);
    expect((await prisma.subscription.findUniqueOrThrow({ where: { storeId: store.id }, include: { plan: true } })).plan.code).toBe("starter");
    const june = await prisma.invoice.findUniqueOrThrow({ where: { storeId_period: { storeId: store.id, period: "2027-06" } } });
    expect(june.totals).toEqual({ USD: 7900 });
    expect(june.planCode).toBe("pro");
    await issueDueInvoices({ storeId: store.id, now: at("2027-08-01T01:00:00Z") });
    const july = await prisma.invoice.findUniqueOrThrow({ where: { storeId_period: { storeId: store.id, period: "2027-07" } } });
    expect(july.totals).toEqual({ USD: 2900 });
  });

  test("choosing the current plan again cancels a scheduled downgrade; the billing API shows what is scheduled", async () => {
    const { owner, store } = await starterStore();
    await changePlan({ storeId: store.id, planCode: "pro", actorId: owner.userId });
    await call(planRoute.PUT, { params: { id: store.id }, token: owner.accessToken, body: { plan: "starter" } });
    let billing = await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(billing.body.plan).toBe("pro");
    expect(billing.body.scheduled_change).toMatchObject({ plan: "starter" });
    await call(planRoute.PUT, { params: { id: store.id }, token: owner.accessToken, body: { plan: "pro" } });
    billing = await call(billingRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    expect(billing.body.scheduled_change).toBeNull();
    expect(await prisma.planChange.count({ where: { storeId: store.id, appliedAt: null } })).toBe(0);
  });

  test("preview: an unknown plan is 422 naming the field, a stranger gets 404, and nothing changes", async () => {
    const { owner, store } = await starterStore();
    const bad = await call(previewRoute.GET, { path: `/api/v1/stores/${store.id}/plan/preview?plan=gold`, params: { id: store.id }, token: owner.accessToken });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("plan");
    const missing = await call(previewRoute.GET, { path: `/api/v1/stores/${store.id}/plan/preview`, params: { id: store.id }, token: owner.accessToken });
    expect(missing.status).toBe(422);
    const stranger = await signUp();
    expect((await call(previewRoute.GET, { path: `/api/v1/stores/${store.id}/plan/preview?plan=pro`, params: { id: store.id }, token: stranger.accessToken })).status).toBe(404);
    expect(await prisma.planChange.count({ where: { storeId: store.id } })).toBe(0);
  });
});
