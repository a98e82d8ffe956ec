import { z } from "zod";
import { skuSchema } from "@/lib/inventory/schemas";
import { PROVIDER_IDS } from "@/lib/payments/gateways/types";
import { transferReviewOutput } from "@/lib/payments/transfer-review-view";
import { orderFulfilmentOutput } from "@/lib/fulfilment/order-fulfilment";
import { UI_LOCALES } from "@/lib/i18n/languages";

export const ORDER_STATUSES = ["pending", "paid", "expired", "cancelled", "refund_needed", "refunded"] as const;

const FULFILLMENTS = ["unfulfilled", "shipped"] as const;

/** What narrows a store's orders: the list, the tab counts and the CSV export share it. */
const orderFilterQuery = z.object({
  store_id: z.string().min(1).optional().describe("defaults to the caller's first store"),
  status: z
    .string()
    .transform((s) => s.toLowerCase().split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ORDER_STATUSES)).min(1))
    .optional()
    .describe("one status or several, comma-separated (refund_needed,refunded)"),
  fulfillment: z.enum(FULFILLMENTS).optional().describe("unfulfilled: paid orders still to ship"),
  q: z.string().trim().max(100).optional().describe("buyer name, product name or SKU (any part), or order number (#123)"),
});

export const orderListQuery = orderFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const orderCountsQuery = orderFilterQuery.pick({ store_id: true, q: true });

export const orderExportQuery = orderFilterQuery.extend({
  lang: z.enum(UI_LOCALES).optional().describe("language of the headers and statuses (default: the dashboard's)"),
});

export const orderCountsOutput = z.object({
  total: z.number().int(),
  to_ship: z.number().int().describe("paid and not shipped yet"),
  by_status: z.record(z.enum(ORDER_STATUSES), z.number().int()),
});

export type OrderFilter = { storeId: string; statuses?: (typeof ORDER_STATUSES)[number][]; fulfillment?: (typeof FULFILLMENTS)[number]; q?: string };
export type OrderCounts = z.infer<typeof orderCountsOutput>;

/** `bank_transfer` is accepted as a synonym of `transfer`. */
const gatewaySchema = z
  .string()
  .transform((g) => (g === "bank_transfer" ? "transfer" : g))
  .pipe(z.enum(PROVIDER_IDS));

export const orderCreateInput = z.object({
  store_id: z.string().min(1, "is required"),
  customer_fb_id: z.string().trim().min(1, "is required").max(64).regex(/^[A-Za-z0-9_.:-]+$/, "must be the buyer's Facebook id"),
  customer_name: z.string().trim().max(200).optional(),
  items: z
    .array(z.object({ sku: skuSchema, qty: z.number().int("must be a whole number").min(1, "must be at least 1").max(1000) }))
    .min(1, "needs at least one item")
    .max(50),
  gateway: gatewaySchema.optional(),
  locale: z.string().max(20).optional(),
});

export const orderCreateOutput = z.object({
  order_id: z.string(),
  payment_url: z.string().describe("the provider's page when `gateway` could open a link now, else our checkout page"),
  checkout_url: z.string(),
  status: z.literal("pending"),
  expires_at: z.string(),
  total: z.number(),
  total_minor: z.number().int(),
  currency: z.string(),
});

export const shipInput = z.object({
  carrier: z.string().trim().max(100).optional().describe("a carrier code (starken, chilexpress, blueexpress, correoschile, 99minutos, andreani, oca, correoargentino, correios, estafeta, dhl, fedex, ups, other), any case, or a carrier's name"),
  tracking_number: z.string().trim().max(100).optional(),
  tracking_url: z.url("must be a full https:// address").max(500).refine((u) => /^https?:\/\//i.test(u), "must start with https://").optional().describe("built from the carrier's template when not given"),
});
export const cancelInput = z.object({ reason: z.string().trim().max(500).optional() });
export const refundInput = z.object({ restock: z.boolean().optional().describe("put sold units back in stock (default: yes unless shipped)"), reason: z.string().trim().max(500).optional() });

const itemOutput = z.object({
  product_id: z.string().nullable(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unit_price: z.number(),
  unit_price_minor: z.number().int(),
  image_url: z.string().nullable(),
});

export const orderOutput = z.object({
  id: z.string(),
  number: z.number().int(),
  store_id: z.string(),
  status: z.enum(ORDER_STATUSES),
  fulfillment: z.enum(["unfulfilled", "shipped"]),
  currency: z.string(),
  total: z.number(),
  total_minor: z.number().int().describe("what the buyer pays: subtotal_minor + shipping_minor"),
  subtotal_minor: z.number().int(),
  shipping_minor: z.number().int().describe("delivery fee (0 when free, combined with an earlier order, or no delivery chosen)"),
  tax: z.number(),
  tax_minor: z.number().int(),
  gateway: z.string().nullable(),
  payment_status: z.string().nullable(),
  flag_reason: z.string().nullable(),
  risk_mode: z.enum(["pay_first", "approval"]).nullable().describe("set when the buyer's risk changed how the bot took the order: pay_first (no stock held until payment) or approval (nothing reserved until the seller approves)"),
  awaiting_approval: z.boolean().describe("a high-risk buyer's order waiting for the seller: POST …/approve or …/decline"),
  buyer: z.object({ id: z.string(), name: z.string() }).nullable(),
  live_id: z.string().nullable(),
  comment_id: z.string().nullable(),
  items: z.array(itemOutput),
  reservation: z.object({ expires_at: z.string(), status: z.string().nullable() }),
  checkout_url: z.string(),
  created_at: z.string(),
  paid_at: z.string().nullable(),
  expired_at: z.string().nullable(),
  cancelled_at: z.string().nullable(),
  shipped_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
});

const timelineEntry = z.object({ at: z.string(), type: z.string(), summary: z.string(), data: z.record(z.string(), z.unknown()) });

export const orderDetailOutput = orderOutput.extend(orderFulfilmentOutput.shape).extend({
  payments: z.array(
    z.object({
      id: z.string(),
      provider: z.string(),
      status: z.string(),
      amount: z.number(),
      amount_minor: z.number().int(),
      currency: z.string(),
      provider_ref: z.string().nullable(),
      provider_txn_id: z.string().nullable(),
      flag_reason: z.string().nullable(),
      has_receipt: z.boolean(),
      created_at: z.string(),
      updated_at: z.string(),
    }),
  ),
  transfer_review: transferReviewOutput.describe("the buyer's bank-transfer receipt and where its review stands; null without one"),
  timeline: z.array(timelineEntry),
});

export type OrderDto = z.infer<typeof orderOutput>;
export type OrderDetailDto = z.infer<typeof orderDetailOutput>;
export type TimelineEntry = z.infer<typeof timelineEntry>;
