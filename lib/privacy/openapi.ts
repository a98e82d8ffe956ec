import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { changePasswordInput, forgotPasswordInput, mfaCodeInput, resetPasswordInput } from "@/lib/auth/schemas";
import { auditEntryOutput, storeAuditQuery } from "@/lib/audit/list-store-audit";

/** Accounts, security and privacy (README "Accounts, email, security and privacy"). */
export const accountOperations: Operation[] = [
  { method: "post", path: "/api/v1/auth/password/forgot", tag: "auth", summary: "Email a single-use password reset link valid 1 h (APP_URL/reset-password?token=…); 202 whether or not the account exists", body: forgotPasswordInput, status: 202, auth: false, errors: [422] },
  { method: "post", path: "/api/v1/auth/password/reset", tag: "auth", summary: "Set a new password with the emailed token; revokes every earlier session and token of the user (422 naming token or password)", body: resetPasswordInput, response: z.object({ ok: z.boolean() }), auth: false, errors: [422] },
  { method: "post", path: "/api/v1/auth/password/change", tag: "auth", summary: "Change the password with the current one (422 current_password wrong_password); every session and token, this one included, is revoked", body: changePasswordInput, response: z.object({ ok: z.boolean() }), errors: [401, 422] },
  { method: "post", path: "/api/v1/auth/mfa/setup", tag: "auth", summary: "Start TOTP enrolment (RFC 6238, 30 s, 6 digits): the secret and its otpauth:// URL for a QR code", response: z.object({ secret: z.string(), otpauth_url: z.string() }), errors: [401, 409] },
  { method: "post", path: "/api/v1/auth/mfa/enable", tag: "auth", summary: "Confirm enrolment with a current code; answers 10 single-use backup codes, shown only now", body: mfaCodeInput, response: z.object({ backup_codes: z.array(z.string()) }), errors: [401, 409, 422] },
  { method: "post", path: "/api/v1/auth/mfa/disable", tag: "auth", summary: "Turn two-step verification off with a current or backup code", body: mfaCodeInput, response: z.object({ mfa_enabled: z.boolean() }), errors: [401, 409, 422] },
  { method: "post", path: "/api/v1/auth/sign-out-everywhere", tag: "auth", summary: "Revoke every session and token of the caller, this one included", response: z.object({ ok: z.boolean() }), errors: [401] },
  { method: "get", path: "/api/v1/stores/{id}/audit", tag: "stores", summary: "The store's audit trail, newest first (OWNER): price, stock, payment settings (secrets masked), roles and plan changes carry before/after; action matches any part of the action name", query: storeAuditQuery, response: z.array(auditEntryOutput), errors: [403, 404, 422] },
  { method: "get", path: "/api/v1/buyers/{id}/export", tag: "buyers", summary: "Everything held about a buyer (OWNER): buyer row, comments, AI decisions, messages both ways, orders, payments, waitlist", response: z.record(z.string(), z.unknown()), errors: [403, 404] },
  { method: "delete", path: "/api/v1/buyers/{id}", tag: "buyers", summary: "Erase the buyer's personal data everywhere and opt them out (OWNER); orders keep anonymised amounts; idempotent", response: z.object({ id: z.string(), erased: z.boolean() }), errors: [403, 404] },
];
