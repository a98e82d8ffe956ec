import { z } from "zod";
import { skuSchema } from "@/lib/inventory/schemas";

const INTENTS = ["BUY", "QUESTION", "GREETING", "CANCEL", "OPT_OUT", "OTHER"] as const;

export const feedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(300),
  before: z.string().datetime({ message: "must be an ISO date-time" }).optional(),
  /** Comma-separated comment ids: the client refetches exactly the rows an event named. */
  ids: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean).slice(0, 200) : undefined)),
});


export const manualMessageInput = z.object({
  text: z.string().trim().min(1, "is required").max(2000, "must be at most 2000 characters"),
  live_id: z.string().min(1).optional(),
  /** The client's id for this message: a retried request never sends twice. */
  client_id: z.string().regex(/^[\w-]{8,64}$/, "must be 8–64 letters, digits, '-' or '_'").optional(),
});

export const commentCorrectionInput = z
  .object({
    intent: z.enum(INTENTS, { error: `must be one of ${INTENTS.join(", ")}` }),
    sku: skuSchema.nullish(),
    quantity: z.number().int().min(1, "must be at least 1").max(99, "must be at most 99").default(1),
    /** After a BUY correction, send the buyer the cart and checkout link as the seller. */
    send_link: z.boolean().default(false),
  })
  .refine((b) => b.intent !== "BUY" || !!b.sku, { message: "is required when the intent is BUY", path: ["sku"] });

export const cartItemInput = z.object({
  sku: skuSchema,
  quantity: z.number().int().min(0, "cannot be negative").max(99, "must be at most 99"),
});

export const commentChoiceInput = z.object({
  sku: z.string().trim().min(1, "is required").max(64),
});
