import { z } from "zod";
import { UI_LOCALES } from "@/lib/i18n/languages";

const BUYER_SEGMENTS = ["new", "repeat", "vip", "at_risk", "non_payer", "blocked"] as const;
export type BuyerSegment = (typeof BUYER_SEGMENTS)[number];

export const buyerListQuery = z.object({
  store_id: z.string().min(1).max(64).optional(),
  segment: z.enum(BUYER_SEGMENTS).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const buyerExportQuery = buyerListQuery.omit({ limit: true, offset: true }).extend({ lang: z.enum(UI_LOCALES).optional() });

const tag = z.string().trim().min(1).max(40);

export const buyerPatchInput = z
  .object({
    blocked: z.boolean().optional(),
    notes: z.string().max(2000).optional(),
    tags: z.array(tag).max(20).optional(),
    /** Manual takeover: the bot stops answering this buyer (the Live Control Center's switch). */
    bot_paused: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one of blocked, notes, tags, bot_paused" });

export const buyerListItem = z.object({
  id: z.string(),
  name: z.string(),
  orders_paid: z.number().int(),
  orders_unpaid: z.number().int().describe("Holds that expired or were cancelled without payment"),
  spend_minor: z.number().int(),
  segment: z.enum(BUYER_SEGMENTS),
  risk: z.number().int().min(0).max(100).describe("0 (pays) … 100 (never pays): grows with unpaid holds, falls with paid orders and time"),
  blocked: z.boolean(),
  notes: z.string(),
  tags: z.array(z.string()),
  last_order_at: z.string().nullable(),
});
export type BuyerListItem = z.infer<typeof buyerListItem>;
