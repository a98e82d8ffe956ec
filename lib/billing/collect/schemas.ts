import { z } from "zod";

// How the platform collects a store's invoices: "paypal" (a vaulted PayPal) or "transfer" (a bank transfer
// a superadmin confirms) — the same name as the buyer's bank-transfer gateway. "bank_transfer", the name of
// the first version, is still accepted and stored as "transfer".
const legacyTransfer = <M extends string>(m: M) => (m === "bank_transfer" ? "transfer" : (m as Exclude<M, "bank_transfer">));

/** PUT /api/v1/stores/{id}/billing/payment-method (OWNER): a seller can choose bank transfer; a PayPal vault is saved by the platform. */
export const sellerPaymentMethodInput = z.object({ method: z.enum(["transfer", "bank_transfer"]).transform(legacyTransfer) }).strict();

/** POST /api/v1/stores/{id}/billing/payment-method/setup (OWNER): start saving PayPal or a Mercado Pago subscription. */
export const paymentMethodSetupInput = z.object({ method: z.enum(["paypal", "mercadopago"]) }).strict();

/** POST /api/v1/stores/{id}/billing/payment-method/complete (OWNER): the provider's id the owner came back with. */
export const paymentMethodCompleteInput = z.object({ provider: z.enum(["paypal", "mercadopago"]), token: z.string().trim().min(3).max(100) }).strict();

/** PUT /api/admin/tenants/{id}/payment-method: the collection method of a tenant (vault_id: the PayPal vault id of the seller's saved PayPal). */
export const adminPaymentMethodInput = z
  .object({ method: z.enum(["paypal", "transfer", "bank_transfer"]).transform(legacyTransfer).nullable(), vault_id: z.string().trim().min(3).max(100).optional() })
  .strict()
  .refine((v) => v.method !== "paypal" || Boolean(v.vault_id), { path: ["vault_id"], message: "is required for PayPal" });

/** POST /api/admin/invoices/{id}/pay: a superadmin confirms a bank transfer that paid the invoice. */
export const confirmInvoicePaymentInput = z.object({ reference: z.string().trim().min(1).max(200) }).strict();
