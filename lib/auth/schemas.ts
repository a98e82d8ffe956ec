import { z } from "zod";

const emailSchema = z.string().trim().toLowerCase().email("must be a valid email address").max(254);
const passwordSchema = z
  .string()
  .min(8, "must be at least 8 characters")
  .max(72, "must be at most 72 characters")
  // bcrypt reads 72 bytes: a longer password would silently match any password sharing its first 72 bytes.
  .refine((v) => Buffer.byteLength(v, "utf8") <= 72, { message: "must be at most 72 bytes (fewer accented or non-Latin characters)", params: { code: "too_long", max: 72 } });

export const registerInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  full_name: z.string().trim().min(1, "is required").max(120),
});

export const tokenInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "is required").max(200),
  mfa_code: z.string().trim().min(1).max(64).optional(),
});

export const forgotPasswordInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: z.string().min(10, "is required").max(200), password: passwordSchema });
export const changePasswordInput = z.object({ current_password: z.string().min(1, "is required").max(200), new_password: passwordSchema });
export const emailTokenInput = z.object({ token: z.string().min(10, "is required").max(200) });
export const changeEmailInput = z.object({ new_email: emailSchema, current_password: z.string().min(1, "is required").max(200) });
export const deleteAccountInput = z.object({ password: z.string().min(1, "is required").max(200) });
export const mfaCodeInput = z.object({ code: z.string().trim().min(1, "is required").max(64) });

export const refreshInput = z.object({ refresh_token: z.string().min(10, "is required").max(500) });

export const tokenPairOutput = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
});
