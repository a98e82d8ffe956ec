import { z } from "zod";
import { isSafeImageUrl } from "./image-url";
import { partialUpdateOf } from "@/lib/http/partial-update";
import { MAX_KEYWORDS, MAX_KEYWORD_LENGTH } from "./keywords";

export const skuSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "may contain only letters, digits, '.', '_' and '-'");

const keywords = z.array(z.string().trim().min(1).max(MAX_KEYWORD_LENGTH)).max(MAX_KEYWORDS, `at most ${MAX_KEYWORDS} keywords`).default([]);
const price = z.union([z.number(), z.string()]).describe("Price in major units of the store currency, e.g. 19.99 or \"15990\"");

export const productCreateInput = z.object({
  store_id: z.string().min(1, "is required"),
  sku: skuSchema,
  name: z.string().trim().min(1, "is required").max(200),
  description: z.string().max(5000).default(""),
  price,
  stock: z.number().int("must be a whole number").min(0, "cannot be negative").max(1_000_000),
  keywords,
  color: z.string().trim().max(40).nullish(),
  size: z.string().trim().max(20).nullish(),
  group_key: z.string().trim().max(64).nullish(),
  image_url: z.string().max(2000).refine(isSafeImageUrl, { message: "must be an http:// or https:// address", params: { code: "invalid_url" } }).nullish(),
  low_stock_at: z.number().int().min(0).max(100000).optional(),
  active: z.boolean().optional(),
});

// Only the fields the body names are changed: `.partial()` would keep the create defaults ("" and []).
export const productUpdateInput = partialUpdateOf(productCreateInput.omit({ store_id: true })).extend({
  stock_delta: z.number().int().min(-1_000_000).max(1_000_000).optional().describe("Adjust stock relative to the current value"),
});

export const productListQuery = z.object({
  store_id: z.string().min(1, "is required"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  q: z.string().trim().max(100).optional(),
  low_stock: z.enum(["1", "true"]).optional(),
});

export const productOutput = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  price: z.number().describe("major units"),
  price_minor: z.number().int(),
  currency: z.string(),
  stock: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  keywords: z.array(z.string()),
  color: z.string().nullable(),
  size: z.string().nullable(),
  group_key: z.string().nullable(),
  image_url: z.string().nullable(),
  low_stock_at: z.number().int(),
  active: z.boolean(),
});

export const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(
    z.object({
      line: z.number().int(),
      field: z.string().optional(),
      code: z.string().describe("stable reason, e.g. too_many_columns, price_invalid, duplicate_sku"),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe("the values the message names, e.g. {expected: 6, found: 4}"),
      message: z.string(),
    }),
  ),
  preview: z.array(z.object({ line: z.number().int(), sku: z.string(), name: z.string(), price: z.number(), stock: z.number().int(), action: z.enum(["create", "update"]) })).optional(),
  groups: z.array(z.object({ group: z.string(), variants: z.array(z.string()) })).optional().describe("Products that differ only by size and colour, as the bot will read them"),
});
