import { z } from "zod";

/** The billing metrics: keys of a plan's `limits`, of a tenant's override and of `usage` (CONTRACT §12). */
export const METRICS = ["comments", "messages", "llm_calls", "orders", "lives", "products", "staff"] as const;
export type Metric = (typeof METRICS)[number];
/** Counted per billing period (a UTC calendar month, like the usage counters); the others are counted now. */
export const PERIOD_METRICS = ["comments", "messages", "llm_calls", "orders"] as const satisfies readonly Metric[];

/** A limit per metric; null (or a missing key) is unlimited. */
export type Limits = Partial<Record<Metric, number | null>>;

export const limitsSchema = z
  .object(Object.fromEntries(METRICS.map((m) => [m, z.number().int("must be a whole number").min(0, "must be 0 or more").nullable().optional()])) as Record<Metric, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>)
  .strict();

/** Reads a stored limits JSON, ignoring keys that are not metrics. */
export function readLimits(value: unknown): Limits {
  const out: Limits = {};
  if (!value || typeof value !== "object") return out;
  for (const m of METRICS) {
    const v = (value as Record<string, unknown>)[m];
    if (v === null) out[m] = null;
    else if (typeof v === "number" && Number.isFinite(v)) out[m] = v;
  }
  return out;
}

/** The plan's limits with the tenant's overrides on top: an override key (even null) wins. */
export function effectiveLimits(planLimits: unknown, overrides: unknown): Record<Metric, number | null> {
  const plan = readLimits(planLimits);
  const own = readLimits(overrides);
  return Object.fromEntries(METRICS.map((m) => [m, m in own ? (own[m] ?? null) : (plan[m] ?? null)])) as Record<Metric, number | null>;
}
