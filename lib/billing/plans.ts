import { prisma } from "@/lib/db";

export const DEFAULT_PLANS = [
  { code: "starter", name: "Starter", priceMinor: 2900, currency: "USD", maxProducts: 200, maxLivesPerMonth: 12, maxCommentsPerMonth: 20_000, maxStaff: 2, transactionFeeBps: 100 },
  { code: "pro", name: "Pro", priceMinor: 7900, currency: "USD", maxProducts: 2000, maxLivesPerMonth: 60, maxCommentsPerMonth: 200_000, maxStaff: 10, transactionFeeBps: 50 },
  { code: "business", name: "Business", priceMinor: 19900, currency: "USD", maxProducts: 20000, maxLivesPerMonth: 1000, maxCommentsPerMonth: 2_000_000, maxStaff: 50, transactionFeeBps: 0 },
] as const;

export async function ensureDefaultPlans() {
  for (const plan of DEFAULT_PLANS) {
    await prisma.plan.upsert({ where: { code: plan.code }, update: {}, create: plan });
  }
}

export async function defaultPlan() {
  await ensureDefaultPlans();
  return prisma.plan.findUniqueOrThrow({ where: { code: "starter" } });
}

export function usagePeriod(date = new Date()) {
  return date.toISOString().slice(0, 7);
}

/** Usage counter rows per store and month (see the usage_counter_slots migration). */
export const USAGE_SLOTS = 64;
/** The row a writer bumps: any of them, so concurrent writers rarely wait on the same row lock. */
export function usageSlot() {
  return Math.floor(Math.random() * USAGE_SLOTS);
}

type UsageRow = { comments: number; orders: number; aiCalls: number; messages: number; lives: number };
/** The month's usage of a store: the sum of its slot rows. */
export function sumUsage(rows: readonly UsageRow[]): UsageRow {
  const total = { comments: 0, orders: 0, aiCalls: 0, messages: 0, lives: 0 };
  for (const r of rows) for (const k of Object.keys(total) as (keyof UsageRow)[]) total[k] += r[k];
  return total;
}
