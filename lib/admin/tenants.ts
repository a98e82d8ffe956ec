import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { conflict, fieldError, notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { effectiveLimits, METRICS, readLimits } from "@/lib/billing/metrics";
import { ensureDefaultPlans, periodBounds, usagePeriod } from "@/lib/billing/plans";
import { prorationFor } from "@/lib/billing/proration";
import { getPlatformSettings } from "./platform-settings";
import { billingStatus, GRACE_DAYS } from "@/lib/billing/status";
import { usageOfStores } from "@/lib/billing/usage";
import { ensureSubscription } from "@/lib/billing/store-billing";
import { invitationUrl } from "@/lib/team/invite-member";
import { INVITE_TTL_DAYS } from "@/lib/team/schemas";
import { randomToken, sha256 } from "@/lib/security/tokens";
import { COUNTRY_TIMEZONES } from "@/lib/stores/stores";
import type { tenantCreateInput, tenantListQuery, tenantUpdateInput } from "./schemas";

const DAY = 24 * 3600 * 1000;

const tenantInclude = {
  subscription: { include: { plan: true } },
  memberships: { where: { role: "OWNER" }, orderBy: { createdAt: "asc" }, take: 1, include: { user: { select: { email: true } } } },
  invitations: { where: { role: "OWNER", acceptedAt: null }, orderBy: { createdAt: "desc" }, take: 1, select: { email: true } },
} satisfies Prisma.StoreInclude;
type TenantRow = Prisma.StoreGetPayload<{ include: typeof tenantInclude }>;

function tenantStatus(s: TenantRow, now: Date) {
  if (s.closedAt) return "closed";
  if (s.suspendedAt) return "suspended";
  return s.subscription ? billingStatus(s.subscription, s, now) : "active";
}

/** The filter a derived status stands for (same rules as billingStatus). */
function statusWhere(status: z.output<typeof tenantListQuery>["status"], now: Date): Prisma.StoreWhereInput {
  const graceStart = new Date(now.getTime() - GRACE_DAYS * DAY);
  const live = { suspendedAt: null };
  switch (status) {
    case "closed":
      return { closedAt: { not: null } };
    case "suspended":
      return { suspendedAt: { not: null }, closedAt: null };
    case "trialing":
      return { ...live, subscription: { status: "TRIALING", OR: [{ trialEndsAt: { gt: now } }, { trialEndsAt: null, currentPeriodEnd: { gt: now } }] } };
    case "active":
      return { ...live, OR: [{ subscription: { is: null } }, { subscription: { status: "ACTIVE" } }] };
    case "past_due":
      return { ...live, subscription: { OR: [{ status: "TRIALING", trialEndsAt: { lte: now, gte: graceStart } }, { status: "PAST_DUE", AND: [{ OR: [{ dunningStage: null }, { dunningStage: "past_due" }] }, { OR: [{ pastDueSince: { gte: graceStart } }, { pastDueSince: null, currentPeriodEnd: { gte: graceStart } }] }] }] } };
    case "read_only":
      return { OR: [{ suspendedAt: { not: null } }, { subscription: { status: { in: ["SUSPENDED", "CANCELLED"] } } }, { subscription: { status: "TRIALING", trialEndsAt: { lt: graceStart } } }, { subscription: { dunningStage: { in: ["read_only", "suspended"] } } }, { subscription: { status: "PAST_DUE", OR: [{ pastDueSince: { lt: graceStart } }, { pastDueSince: null, currentPeriodEnd: { lt: graceStart } }] } }] };
    default:
      return {};
  }
}

function toTenantDto(s: TenantRow, usage: Record<string, number>, now: Date) {
  const limits = s.subscription ? effectiveLimits(s.subscription.plan.limits, s.subscription.limitOverrides) : null;
  return {
    id: s.id,
    name: s.name,
    owner_email: s.memberships[0]?.user.email ?? s.invitations[0]?.email ?? null,
    plan: s.subscription?.plan.code ?? null,
    status: tenantStatus(s, now),
    suspended: Boolean(s.suspendedAt),
    suspended_reason: s.suspendedReason,
    closed_at: s.closedAt?.toISOString() ?? null,
    country: s.country,
    currency: s.currency,
    trial_ends_at: s.subscription?.trialEndsAt?.toISOString() ?? null,
    created_at: s.createdAt.toISOString(),
    usage: Object.fromEntries(METRICS.map((m) => [m, { used: usage[m] ?? 0, limit: limits?.[m] ?? null }])),
  };
}

/** The superadmin's tenant list: search (name, id, owner email), status and plan filters, paginated, exact total. */
export async function listTenants({ q, status, plan, limit, offset, now = new Date() }: z.output<typeof tenantListQuery> & { now?: Date }) {
  const where: Prisma.StoreWhereInput = {
    AND: [
      q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { id: q }, { memberships: { some: { user: { email: { contains: q, mode: "insensitive" } } } } }] } : {},
      statusWhere(status, now),
      plan ? { subscription: { plan: { code: plan } } } : {},
    ],
  };
  const [total, stores] = await Promise.all([
    prisma.store.count({ where }),
    prisma.store.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: limit, skip: offset, include: tenantInclude }),
  ]);
  const usage = await usageOfStores(stores.map((s) => s.id), now);
  return { items: stores.map((s) => toTenantDto(s, usage.get(s.id)!, now)), total, limit, offset };
}

/** One tenant with members, licence, Meta status, payment methods (names only) and recent activity. */
export async function getTenant({ storeId, now = new Date() }: { storeId: string; now?: Date }) {
  const s = await prisma.store.findUnique({ where: { id: storeId }, include: tenantInclude });
  if (!s) throw notFound("Tenant");
  const [usage, members, meta, payments, lives, orders, audit] = await Promise.all([
    usageOfStores([storeId], now),
    prisma.membership.findMany({ where: { storeId }, orderBy: { createdAt: "asc" }, include: { user: { select: { id: true, email: true, fullName: true, disabledAt: true } } } }),
    prisma.metaConnection.findUnique({ where: { storeId }, select: { pageId: true, pageName: true, connectedAt: true } }),
    prisma.paymentConfig.findMany({ where: { storeId }, select: { provider: true, enabled: true } }),
    prisma.live.findMany({ where: { storeId }, orderBy: { startedAt: "desc" }, take: 5, select: { id: true, title: true, status: true, startedAt: true } }),
    prisma.order.groupBy({ by: ["status"], where: { storeId }, _count: { _all: true } }),
    prisma.auditLog.findMany({ where: { storeId }, orderBy: { createdAt: "desc" }, take: 20, select: { action: true, actorId: true, actorType: true, createdAt: true } }),
  ]);
  const sub = s.subscription;
  return {
    ...toTenantDto(s, usage.get(storeId)!, now),
    locale: s.locale,
    licence: sub ? { key: sub.licenceKey, started_at: sub.createdAt.toISOString(), current_period_end: sub.currentPeriodEnd.toISOString(), limit_overrides: readLimits(sub.limitOverrides), plan_limits: readLimits(sub.plan.limits), modules: sub.plan.modules, transaction_fee_bps: sub.plan.transactionFeeBps } : null,
    members: members.map((m) => ({ user_id: m.user.id, email: m.user.email, name: m.user.fullName, role: m.role, disabled: Boolean(m.user.disabledAt) })),
    meta: meta ? { page_id: meta.pageId, page_name: meta.pageName, connected_at: meta.connectedAt.toISOString() } : null,
    payment_methods: payments.map((p) => ({ provider: p.provider, enabled: p.enabled })),
    lives: lives.map((l) => ({ id: l.id, title: l.title, status: l.status, started_at: l.startedAt.toISOString() })),
    orders_by_status: Object.fromEntries(orders.map((o) => [o.status, o._count._all])),
    audit: audit.map((a) => ({ action: a.action, actor_type: a.actorType, actor_id: a.actorId, at: a.createdAt.toISOString() })),
  };
}

/**
 * The superadmin's changes to a tenant, all in one transaction with one audit row each: suspend or
 * reactivate (with a reason the seller sees; the bot re-reads suspendedAt before every send), move to
 * another plan, set the trial end, override limits (merged key by key; null = unlimited).
 */
export async function updateTenant({ storeId, input, actorId, replaceLimits = false, now = new Date() }: { storeId: string; input: z.output<typeof tenantUpdateInput>; actorId: string; replaceLimits?: boolean; now?: Date }) {
  let store = await prisma.store.findUnique({ where: { id: storeId }, include: { subscription: { include: { plan: true } } } });
  if (!store) throw notFound("Tenant");
  // A closed store stays closed: its data is anonymised, so reactivating, re-planning or re-limiting it means nothing.
  if (store.closedAt) throw conflict("tenant_closed", "This store is closed; it can no longer be changed.");
  await ensureDefaultPlans();
  const plan = input.plan ? await prisma.plan.findUnique({ where: { code: input.plan } }) : null;
  if (input.plan && !plan) throw fieldError("plan", "invalid_option", `is not a plan: "${input.plan}"`);
  if (!store.subscription && (input.trial_ends_at !== undefined || input.limits)) {
    await ensureSubscription(storeId, now);
    store = await prisma.store.findUniqueOrThrow({ where: { id: storeId }, include: { subscription: { include: { plan: true } } } });
  }
  const sub = store.subscription;
  await prisma.$transaction(async (tx) => {
    const audit = (action: string, data: Prisma.InputJsonValue) => recordAudit(tx, { storeId, actorType: "USER", actorId, action, entityType: "store", entityId: storeId, data });
    if (input.suspended !== undefined && input.suspended !== Boolean(store.suspendedAt)) {
      await tx.store.update({ where: { id: storeId }, data: input.suspended ? { suspendedAt: now, suspendedReason: input.reason ?? null } : { suspendedAt: null, suspendedReason: null } });
      // Suspensions made before suspendedAt carried the state also set the subscription to SUSPENDED.
      if (!input.suspended && sub?.status === "SUSPENDED") await tx.subscription.update({ where: { storeId }, data: { status: "ACTIVE" } });
      await audit(input.suspended ? "tenant.suspended" : "tenant.reactivated", { reason: input.reason ?? null });
    } else if (input.reason !== undefined && store.suspendedAt) {
      await tx.store.update({ where: { id: storeId }, data: { suspendedReason: input.reason } });
    }
    if (plan) {
      if (sub && sub.planId !== plan.id) {
        // The operator's change is effective at once; the month's invoice prices each part at its own plan.
        const change = { effectiveAt: now, fromPriceMinor: sub.plan.priceMinor, toPriceMinor: plan.priceMinor, fromCurrency: sub.plan.currency, toCurrency: plan.currency };
        const { start, end } = periodBounds(usagePeriod(now));
        const proration = prorationFor(change, { start, end, createdAt: sub.createdAt, trialEndsAt: sub.trialEndsAt });
        await tx.planChange.deleteMany({ where: { storeId, appliedAt: null } });
        await tx.planChange.create({ data: { ...change, storeId, kind: plan.priceMinor >= sub.plan.priceMinor ? "upgrade" : "downgrade", fromPlanCode: sub.plan.code, toPlanCode: plan.code, toPlanId: plan.id, appliedAt: now, prorationMinor: proration[plan.currency] ?? 0, actorId } });
      }
      if (sub) await tx.subscription.update({ where: { storeId }, data: { planId: plan.id } });
      else await tx.subscription.create({ data: { storeId, planId: plan.id, status: "ACTIVE", currentPeriodEnd: new Date(now.getTime() + 30 * DAY) } });
      await audit("plan.changed", { before: sub?.plan.code ?? null, after: plan.code, by: "superadmin" });
    }
    if (sub && input.trial_ends_at !== undefined) {
      const ends = input.trial_ends_at ? new Date(input.trial_ends_at) : null;
      await tx.subscription.update({ where: { storeId }, data: { trialEndsAt: ends, ...(ends && ends > now ? { status: "TRIALING", currentPeriodEnd: ends } : {}) } });
      await audit("trial.changed", { before: sub.trialEndsAt?.toISOString() ?? null, after: ends?.toISOString() ?? null });
    }
    if (sub && input.limits) {
      const before = readLimits(sub.limitOverrides);
      // The API merges key by key; the console's form sends the whole set (a missing key = the plan's limit).
      const after = replaceLimits ? { ...input.limits } : { ...before, ...input.limits };
      await tx.subscription.update({ where: { storeId }, data: { limitOverrides: after } });
      await audit("limits.changed", { before, after });
    }
  });
  return getTenant({ storeId, now });
}

/**
 * Creates a tenant for a seller: the store on the chosen plan (trialing) with no member yet, and an
 * OWNER invitation for `owner_email`. The link is returned (the mail module sends it when present).
 */
export async function createTenant({ input, actorId, appUrl, now = new Date() }: { input: z.output<typeof tenantCreateInput>; actorId: string; appUrl: string; now?: Date }) {
  await ensureDefaultPlans();
  const plan = await prisma.plan.findUnique({ where: { code: input.plan } });
  if (!plan) throw fieldError("plan", "invalid_option", `is not a plan: "${input.plan}"`);
  const token = randomToken(24);
  const trialEnd = new Date(now.getTime() + (await getPlatformSettings()).trial_days * DAY);
  const { store, invitation } = await prisma.$transaction(async (tx) => {
    const store = await tx.store.create({
      data: {
        name: input.name, country: input.country, currency: input.currency, locale: input.locale, timezone: COUNTRY_TIMEZONES[input.country] ?? "UTC", onboardingStep: 1,
        subscription: { create: { planId: plan.id, status: "TRIALING", currentPeriodEnd: trialEnd, trialEndsAt: trialEnd } },
      },
    });
    const invitation = await tx.invitation.create({ data: { storeId: store.id, email: input.owner_email, role: "OWNER", tokenHash: sha256(token), invitedBy: actorId, expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * DAY) } });
    await recordAudit(tx, { storeId: store.id, actorType: "USER", actorId, action: "tenant.created", entityType: "store", entityId: store.id, data: { plan: plan.code, invitationId: invitation.id } });
    return { store, invitation };
  });
  return { ...(await getTenant({ storeId: store.id, now })), invitation: { id: invitation.id, email: invitation.email, role: "OWNER", expires_at: invitation.expiresAt.toISOString(), invite_url: invitationUrl({ appUrl, token }) } };
}
