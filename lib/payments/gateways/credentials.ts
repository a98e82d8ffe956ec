import { z } from "zod";

// What a store saves per provider (encrypted in payment_configs.settingsCiphertext).

const paypalCredentials = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** The id PayPal assigned to the webhook registered for our URL; verification fails for any other. */
  webhookId: z.string().min(1),
});
export type PaypalCredentials = z.infer<typeof paypalCredentials>;

const mercadopagoCredentials = z.object({
  accessToken: z.string().min(1),
  /** The "secret signature" shown under Your integrations → Webhooks. */
  webhookSecret: z.string().min(1),
});
export type MercadopagoCredentials = z.infer<typeof mercadopagoCredentials>;

const flowCredentials = z.object({
  apiKey: z.string().min(1),
  secretKey: z.string().min(1),
});
export type FlowCredentials = z.infer<typeof flowCredentials>;

/** The bank account kinds a seller picks from (shown translated to buyers): Chile's Cuenta Vista / Cuenta RUT is its own kind. */
export const ACCOUNT_TYPES = ["checking", "savings", "vista"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/**
 * Free-text account types saved before it became a choice ("Cuenta corriente", "Cuenta RUT", "Poupança")
 * → the matching choice, or null when the text names none of them.
 */
export function normalizeAccountType(value: unknown): AccountType | null {
  if (typeof value !== "string") return null;
  const v = value.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if ((ACCOUNT_TYPES as readonly string[]).includes(v)) return v as AccountType;
  if (/vista|rut\b/.test(v)) return "vista";
  if (/ahorro|poupanca|savings?|epargne|risparmio/.test(v)) return "savings";
  if (/corriente|corrente|checking|cheques?|current|courant/.test(v)) return "checking";
  return null;
}

// Stored details are read leniently (an account type saved as free text before it became a choice still
// shows at checkout); what a seller saves now is checked by `transferDetailsInput`.
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

export const transferDetailsInput = transferDetails.extend({ accountType: z.enum(ACCOUNT_TYPES) });

const sandboxCredentials = z.object({});

export const credentialSchemas = {
  paypal: paypalCredentials,
  mercadopago: mercadopagoCredentials,
  flow: flowCredentials,
  transfer: transferDetails,
  sandbox: sandboxCredentials,
} as const;
