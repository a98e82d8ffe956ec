import { z } from "zod";

export const INVITE_TTL_DAYS = 7;

export const inviteInput = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address").max(254),
  role: z.enum(["OWNER", "STAFF"], { error: "must be OWNER or STAFF" }).default("STAFF"),
});

export const roleInput = z.object({ role: z.enum(["OWNER", "STAFF"], { error: "must be OWNER or STAFF" }) });

export const acceptInput = z.object({ token: z.string({ error: "is required" }).min(20, "is not a valid invitation token").max(200, "is not a valid invitation token") });
