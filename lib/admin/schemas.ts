import { z } from "zod";
import { limitsSchema } from "@/lib/billing/metrics";
import { MODULES } from "@/lib/billing/plans";
import { storeCreateInput } from "@/lib/stores/schemas";
import { isCurrency } from "@/lib/money";

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const TENANT_STATUSES = ["trialing", "active", "past_due", "read_only", "suspended", "closed"] as const;

export const tenantListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(TENANT_STATUSES).optional(),
  plan: z.string().trim().max(40).optional(),
  ...page,
});

export const tenantUpdateInput = z
  .object({
    suspended: z.boolean().optional(),
    reason: z.string().trim().max(500).optional(),
    plan: z.string().trim().min(1).max(40).optional(),
    trial_ends_at: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).nullable().optional(),
    limits: limitsSchema.optional(),
  })
  .strict();

export const tenantCreateInput = storeCreateInput.pick({ name: true, country: true, currency: true, locale: true }).extend({
  owner_email: z.email("must be an email address").trim().toLowerCase().max(254),
  plan: z.string().trim().min(1).max(40).default("starter"),
});

export const USER_STATUSES = ["active", "disabled"] as const;
export const userListQuery = z.object({ q: z.string().trim().max(200).optional(), status: z.enum(USER_STATUSES).optional(), ...page });
export const userUpdateInput = z.object({ disabled: z.boolean() }).strict();

const planFields = {
  name: z.string().trim().min(1).max(80),
  price_minor: z.number().int().min(0).max(100_000_000),
  currency: z.string().trim().toUpperCase().refine(isCurrency, "must be an ISO 4217 code such as USD"),
  limits: limitsSchema,
  modules: z.array(z.enum(MODULES)).max(MODULES.length),
  transaction_fee_bps: z.number().int().min(0).max(10_000),
  active: z.boolean(),
};
export const planCreateInput = z.object({ code: z.string().trim().toLowerCase().regex(/^[a-z0-9_-]{2,40}$/, "must be 2-40 letters, digits, - or _"), ...planFields, limits: limitsSchema.default({}), modules: planFields.modules.default([]), transaction_fee_bps: planFields.transaction_fee_bps.default(0), active: planFields.active.default(true) }).strict();
export const planUpdateInput = z.object(planFields).partial().strict();

export const RANGES = ["today", "7d", "30d"] as const;
export const rangeQuery = z.object({ range: z.enum(RANGES).default("30d") });
export const rankingsQuery = rangeQuery.extend({ by: z.enum(["sellers", "products", "lives"]), limit: z.coerce.number().int().min(1).max(100).default(20) });

export const auditQuery = z.object({ store_id: z.string().max(64).optional(), action: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const aiDecisionsQuery = z.object({ store_id: z.string().max(64).optional(), max_confidence: z.coerce.number().min(0).max(1).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

export const reportCreateInput = z.object({ kind: z.enum(["tenants", "gmv", "usage"]), range: z.enum(RANGES).default("30d") }).strict();


