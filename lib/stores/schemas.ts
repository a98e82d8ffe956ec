import { z } from "zod";
import { LOCALES, localeOf } from "@/lib/i18n/languages";
import { isCurrency } from "@/lib/money";
import { partialUpdateOf } from "@/lib/http/partial-update";


const timezone = z.string().refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "must be an IANA time zone such as America/Santiago");

export const storeCreateInput = z.object({
  name: z.string().trim().min(1, "is required").max(120),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as CL"),
  currency: z.string().trim().toUpperCase().refine(isCurrency, "must be an ISO 4217 code such as CLP"),
  locale: z.string().trim().min(2).max(10).refine((l) => localeOf(LOCALES, l.slice(0, 2)) !== null, `must start with one of ${LOCALES.join(", ")}`).default("es"),
  timezone: timezone.optional(),
  fb_page_id: z.string().trim().regex(/^\d{1,32}$/, "must be the numeric id of a Facebook Page").nullish(),
});

// Not `.partial()`: it keeps the create defaults, so the locale default would reset the locale on every update.
export const storeUpdateInput = partialUpdateOf(storeCreateInput).extend({
  bot_tone: z.enum(["friendly", "formal", "fun"]).optional(),
  question_answers: z.enum(["public", "dm"]).optional().describe("how the bot answers a question about a catalog product's price, stock, sizes or colours: a public reply (default) or a private message"),
  reservation_ttl_seconds: z.number().int().min(60).max(7 * 24 * 3600).nullish(),
  transfer_review_hold_seconds: z.number().int().min(3600, "must be at least 1 hour").max(14 * 24 * 3600, "must be at most 14 days").nullish().describe("how long a bank-transfer receipt holds the reservation while the seller reviews it; null = 48 h"),
  message_texts: z.record(z.string().regex(/^[a-z]{2}$/), z.record(z.string().max(60), z.string().max(1000))).optional(),
  onboarding_step: z.number().int().min(0).max(10).optional(),
  auto_start_lives: z.boolean({ error: "must be true or false" }).optional(),
  cart_recovery_messages: z.boolean({ error: "must be true or false" }).optional().describe("after a cart expired, remind the buyer at +12 h and +23 h that it is saved (only inside Meta's 24 h window)"),
  high_risk_threshold: z.number().int().min(1, "must be between 1 and 100").max(100, "must be between 1 and 100").nullish().describe("a buyer whose risk score (0-100) reaches this gets the high-risk hold on the bot's reservations; null = off"),
  high_risk_hold_seconds: z.number().int().min(60, "must be at least 1 minute").max(24 * 3600, "must be at most 24 hours").optional().describe("the reservation hold of a high-risk buyer (never longer than the store's usual hold)"),
  high_risk_treatment: z.enum(["short_hold", "pay_first", "approval"]).optional().describe("what high risk means for the bot's reservation: a shorter hold, pay-first (the order is created but stock is taken only at payment, first paid first served) or the seller's approval before anything is reserved"),
  blocked_buyer_reply: z.enum(["none", "polite"]).optional().describe("what the bot answers a blocked buyer's buy comment: nothing, or a polite public line (never a reservation)"),
  comment_retention_days: z.number().int().min(7, "must be between 7 and 3650 days").max(3650, "must be between 7 and 3650 days").optional().describe("comments without buying intent lose their text after this many days (privacy retention; default 90)"),
});

export const metaTokenInput = z.object({
  page_access_token: z.string().trim().min(20, "must be a Page access token").max(1000),
  page_id: z.string().trim().regex(/^\d{1,32}$/, "must be numeric").optional(),
  page_name: z.string().trim().max(200).optional(),
});

export const storeOutput = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  currency: z.string(),
  locale: z.string(),
  timezone: z.string(),
  fb_page_id: z.string().nullable(),
  role: z.enum(["OWNER", "STAFF"]),
  bot_tone: z.string(),
  question_answers: z.enum(["public", "dm"]),
  reservation_ttl_seconds: z.number().nullable(),
  transfer_review_hold_seconds: z.number().nullable(),
  meta_connected: z.boolean(),
  meta_status: z.enum(["connected", "disconnected", "missing_permissions"]).describe("disconnected: no Page token, or Meta revoked it (error 190, or debug_token says invalid) — reconnect; missing_permissions: connected without a permission the bot needs"),
  meta_missing_permissions: z.array(z.string()).describe("The permissions the bot needs that the Page token lacks (empty when none)"),
  meta_access_expires_at: z.string().nullable().describe("When the Page's access ends unless the seller reconnects (debug_token: the token's expiry or the end of the app's data access, whichever is first); null: not known or never"),
  auto_start_lives: z.boolean().describe("a live_videos webhook with status live starts a live for the Page"),
  cart_recovery_messages: z.boolean(),
  high_risk_threshold: z.number().nullable(),
  high_risk_hold_seconds: z.number(),
  high_risk_treatment: z.enum(["short_hold", "pay_first", "approval"]),
  blocked_buyer_reply: z.enum(["none", "polite"]),
  comment_retention_days: z.number(),
  onboarding_step: z.number(),
  created_at: z.string(),
});
