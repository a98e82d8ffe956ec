import { z } from "zod";

export const classifyInput = z.object({
  store_id: z.string().min(1, "is required"),
  text: z.string().min(1, "is required").max(2000, "must be at most 2000 characters"),
});

export const classifyOutput = z.object({
  intent: z.enum(["BUY", "QUESTION", "GREETING", "CANCEL", "OPT_OUT", "OTHER"]),
  sku: z.string().nullable(),
  quantity: z.number().int().nullable(),
  confidence: z.number(),
  language: z.string(),
  reason: z.string(),
  engine: z.string(),
});
