import { prisma } from "@/lib/db";
import type { Limits } from "./metrics";

export const MODULES = ["llm", "waitlist", "api", "multi_page"] as const;

const DEFAULT_PLANS: readonly { code: string; name: string; priceMinor: number; currency: string; limits: Limits; modules: string[]; transactionFeeBps: number }[] = [
  { code: "starter", name: "Starter", priceMinor: 2900, currency: "USD", limits: { comments: 20_000, messages: 40_000, llm_calls: 5_000, orders: null, lives: 3, products: 200, staff: 2 }, modules: ["waitlist"], transactionFeeBps: 100 },
  { code: "pro", name: "Pro", priceMinor: 7900, currency: "USD", limits: { comments: 200_000, messages: 400_000, llm_calls: 50_000, orders: null, lives: 5, products: 2000, staff: 10 }, modules: ["llm", "waitlist", "api"], transactionFeeBps: 50 },
  { code: "business", name: "Business", priceMinor: 19900, currency: "USD", limits: { comments: 2_000_000, messages: 4_000_000, llm_calls: 500_000, orders: null, lives: null, products: 20000, staff: 50 }, modules: ["llm", "waitlist", "api", "multi_page"], transactionFeeBps: 0 },
];

export const TRIAL_DAYS = 14;

export async function ensureDefaultPlans() {
  for (const plan of DEFAULT_PLANS) {
    await prisma.plan.upsert({ where: { code: plan.code }, update: {}, create: { ...plan, limits: plan.limits, modules: [...plan.modules] } });
  }
}

export async function defaultPlan() {
  await ensureDefaultPlans();
  return prisma.plan.findUniqueOrThrow({ where: { code: "starter" } });
}

export function usagePeriod(date = new Date()) {
  return date.toISOString().slice(0, 7);
}

/** The UTC calendar month a usage period names: [start, end). */
export function periodBounds(period: string) {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
}

/** Usage counter rows per store and month (see the usage_counter_slots migration). */
const USAGE_SLOTS = 64;
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
