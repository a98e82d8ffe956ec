import { z } from "zod";

export const classifyInput = z.object({
  store_id: z.string().min(1, "is required"),
  text: z.string().min(1, "is required").max(2000, "must be at most 2000 characters"),
});

export const classifyOutput = z.object({
  intent: z.enum(["BUY", "QUESTION", "GREETING", "CANCEL", "OPT_OUT", "OTHER"]),
  sku: z.string().nullable(),
  candidates: z.array(z.string()).describe("The products the comment could mean when it cannot pick one (sku is then null)"),
  closest: z.array(z.string()).describe("No product matched: the catalog products nearest to what was written"),
  quantity: z.number().int().nullable(),
  confidence: z.number(),
  language: z.string(),
  reason: z.string(),
  engine: z.string(),
});
