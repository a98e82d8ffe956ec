import { prisma } from "@/lib/db";
import { jobs } from "@/lib/jobs";
import { recordAudit } from "@/lib/audit/record-audit";
import { GRACE_DAYS } from "../status";
import { BILLING_SUSPENSION_REASON, days, SUSPEND_AFTER_DAYS } from "./dunning-policy";
import { issueDueInvoices } from "./issue-invoices";
import { applyDuePlanChanges } from "../change-plan";
import { notifyOwners } from "./notify-owners";

/** The job event that charges one invoice attempt: its id names the attempt and when it fell due, so re-sending it is a no-op; `at` is the sweep's time. */
function chargeEvent(invoice: { id: string; attempts: number; nextAttemptAt: Date }, now: Date) {
  return { name: "billing/charge" as const, id: `billing-charge:${invoice.id}:${invoice.attempts}:${invoice.nextAttemptAt.getTime()}`, data: { invoiceId: invoice.id, attempt: invoice.attempts, at: now.toISOString() } };
}

async function oldestUnpaidNumber(storeId: string) {
  const inv = await prisma.invoice.findFirst({ where: { storeId, status: "open" }, orderBy: { number: "asc" }, select: { number: true } });
  return inv ? String(inv.number) : "";
}

/**
 * The billing clock, run by the `billing/sweep` job every hour with the time it stands for. Each step
 * is idempotent (a transition only happens from the state before it, one row update decides), so a
 * sweep that runs twice, or two at once, acts once:
 * 1. a trial that ended: active with a payment method, otherwise past due from the trial's end;
 * 2. closed months are invoiced (issueDueInvoices), then downgrades scheduled for a month's end apply;
 * 3. invoices whose charge is due get a `billing/charge` job;
 * 4. past due longer than GRACE_DAYS → read-only (no new lives; a running live is never cut),
 *    longer than SUSPEND_AFTER_DAYS → the store is suspended (the bot stops). Each audited and emailed.
 */
export async function runBillingSweep({ now = new Date() }: { now?: Date } = {}) {
  const summary = { plan_changes: 0, trials_ended: 0, invoices_issued: 0, charges_queued: 0, read_only: 0, suspended: 0 };

  const endedTrials = await prisma.subscription.findMany({ where: { status: "TRIALING", trialEndsAt: { lte: now } }, select: { id: true, storeId: true, paymentMethod: true, trialEndsAt: true } });
  for (const t of endedTrials) {
    const withMethod = Boolean(t.paymentMethod);
    const moved = await prisma.$transaction(async (tx) => {
      const res = await tx.subscription.updateMany({ where: { id: t.id, status: "TRIALING" }, data: withMethod ? { status: "ACTIVE" } : { status: "PAST_DUE", pastDueSince: t.trialEndsAt, dunningStage: "past_due" } });
      if (res.count === 0) return false;
      await recordAudit(tx, { actorType: "SYSTEM", storeId: t.storeId, action: "billing.trial_ended", entityType: "subscription", entityId: t.id, data: { before: { status: "TRIALING" }, after: { status: withMethod ? "ACTIVE" : "PAST_DUE" } } });
      return true;
    });
    if (!moved) continue;
    summary.trials_ended++;
    if (!withMethod) await notifyOwners({ storeId: t.storeId, template: "billing_trial_ended", vars: {} });
  }

  const subs = await prisma.subscription.findMany({ where: { status: { not: "CANCELLED" } }, select: { storeId: true } });
  for (const s of subs) summary.invoices_issued += await issueDueInvoices({ storeId: s.storeId, now });
  // Downgrades scheduled for a month's end (after that month is invoiced: the invoice prices each part of the month itself).
  summary.plan_changes = await applyDuePlanChanges({ now });

  const due = await prisma.invoice.findMany({ where: { status: "open", nextAttemptAt: { lte: now } }, select: { id: true, attempts: true, nextAttemptAt: true } });
  if (due.length) {
    await jobs.send(due.map((i) => chargeEvent({ id: i.id, attempts: i.attempts, nextAttemptAt: i.nextAttemptAt! }, now)));
    summary.charges_queued = due.length;
  }

  const graceStart = new Date(now.getTime() - days(GRACE_DAYS));
  const toReadOnly = await prisma.subscription.findMany({ where: { pastDueSince: { lt: graceStart }, dunningStage: { in: ["past_due"] } }, select: { id: true, storeId: true } });
  for (const s of toReadOnly) {
    const moved = await prisma.$transaction(async (tx) => {
      const res = await tx.subscription.updateMany({ where: { id: s.id, dunningStage: "past_due" }, data: { dunningStage: "read_only" } });
      if (res.count === 0) return false;
      await recordAudit(tx, { actorType: "SYSTEM", storeId: s.storeId, action: "billing.read_only", entityType: "subscription", entityId: s.id, data: { before: { stage: "past_due" }, after: { stage: "read_only" } } });
      return true;
    });
    if (!moved) continue;
    summary.read_only++;
    await notifyOwners({ storeId: s.storeId, template: "billing_read_only", vars: { invoice: await oldestUnpaidNumber(s.storeId) } });
  }

  const suspendStart = new Date(now.getTime() - days(SUSPEND_AFTER_DAYS));
  const toSuspend = await prisma.subscription.findMany({ where: { pastDueSince: { lt: suspendStart }, dunningStage: { in: ["past_due", "read_only"] } }, select: { id: true, storeId: true, dunningStage: true } });
  for (const s of toSuspend) {
    const moved = await prisma.$transaction(async (tx) => {
      const res = await tx.subscription.updateMany({ where: { id: s.id, dunningStage: s.dunningStage }, data: { dunningStage: "suspended", status: "SUSPENDED" } });
      if (res.count === 0) return false;
      // A store a superadmin already suspended keeps that suspension and its reason.
      await tx.store.updateMany({ where: { id: s.storeId, suspendedAt: null }, data: { suspendedAt: now, suspendedReason: BILLING_SUSPENSION_REASON } });
      await recordAudit(tx, { actorType: "SYSTEM", storeId: s.storeId, action: "billing.suspended", entityType: "subscription", entityId: s.id, data: { before: { stage: s.dunningStage }, after: { stage: "suspended" } } });
      return true;
    });
    if (!moved) continue;
    summary.suspended++;
    await notifyOwners({ storeId: s.storeId, template: "billing_suspended", vars: { invoice: await oldestUnpaidNumber(s.storeId), days: String(SUSPEND_AFTER_DAYS) } });
  }
  return summary;
}
