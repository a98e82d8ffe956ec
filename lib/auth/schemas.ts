import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().email("must be a valid email address").max(254);
export const passwordSchema = z
  .string()
  .min(8, "must be at least 8 characters")
  .max(200, "must be at most 200 characters");

export const registerInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  full_name: z.string().trim().min(1, "is required").max(120),
});

export const tokenInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "is required").max(200),
});

export const refreshInput = z.object({ refresh_token: z.string().min(10, "is required").max(500) });

export const tokenPairOutput = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
});
