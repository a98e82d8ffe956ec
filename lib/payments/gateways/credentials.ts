import { z } from "zod";

// What a store saves per provider (encrypted in payment_configs.settingsCiphertext).

export const paypalCredentials = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** The id PayPal assigned to the webhook registered for our URL; verification fails for any other. */
  webhookId: z.string().min(1),
});
export type PaypalCredentials = z.infer<typeof paypalCredentials>;

export const mercadopagoCredentials = z.object({
  accessToken: z.string().min(1),
  /** The "secret signature" shown under Your integrations → Webhooks. */
  webhookSecret: z.string().min(1),
});
export type MercadopagoCredentials = z.infer<typeof mercadopagoCredentials>;

export const flowCredentials = z.object({
  apiKey: z.string().min(1),
  secretKey: z.string().min(1),
});
export type FlowCredentials = z.infer<typeof flowCredentials>;

export const transferDetails = z.object({
  bankName: z.string().min(1),
  accountHolder: z.string().min(1),
  accountNumber: z.string().min(1),
  accountType: z.string().min(1),
  taxId: z.string().optional(),
  email: z.email().optional(),
  instructions: z.string().optional(),
});
export type TransferDetails = z.infer<typeof transferDetails>;

export const sandboxCredentials = z.object({});
export type SandboxCredentials = z.infer<typeof sandboxCredentials>;

export const credentialSchemas = {
  paypal: paypalCredentials,
  mercadopago: mercadopagoCredentials,
  flow: flowCredentials,
  transfer: transferDetails,
  sandbox: sandboxCredentials,
} as const;
