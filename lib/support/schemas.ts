import { z } from "zod";
import { UI_LOCALES } from "@/lib/i18n/languages";

export const SEVERITIES = ["S1", "S2", "S3", "S4"] as const;
export const TICKET_STATUSES = ["open", "pending", "solved"] as const;

/** First-response targets per severity (seed 001 §15.3): S1 15 min, S2 1 h, S3 4 h, S4 24 h. */
export const SLA_MINUTES: Record<(typeof SEVERITIES)[number], number> = { S1: 15, S2: 60, S3: 240, S4: 1440 };

export const ticketCreateInput = z.object({
  store_id: z.string().min(1).max(64),
  subject: z.string().trim().min(1, "is required").max(200),
  body: z.string().trim().min(1, "is required").max(10_000),
  severity: z.enum(SEVERITIES).default("S3"),
}).strict();
export const ticketListQuery = z.object({ store_id: z.string().min(1).max(64).optional(), status: z.enum(TICKET_STATUSES).optional() });
export const ticketMessageInput = z.object({ body: z.string().trim().min(1, "is required").max(10_000) }).strict();
export const ticketUpdateInput = z.object({ status: z.enum(TICKET_STATUSES) }).strict();
export const adminTicketListQuery = z.object({ status: z.enum(TICKET_STATUSES).optional(), store_id: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) });

export const articleQuery = z.object({ q: z.string().trim().max(200).optional(), lang: z.enum(UI_LOCALES).optional() });
export const articleInput = z.object({
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9-]{2,80}$/, "must be 2-80 lowercase letters, digits or -"),
  lang: z.enum(UI_LOCALES),
  title: z.string().trim().min(1, "is required").max(200),
  body: z.string().max(100_000),
  published: z.boolean().default(false),
}).strict();
export const articleUpdateInput = articleInput.partial().strict();
