import { z } from "zod";
import type { TransferDetails } from "./credentials";

export const PROVIDER_IDS = ["paypal", "mercadopago", "flow", "transfer", "sandbox"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

const lineItemSchema = z.object({
  sku: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().positive(),
  unitPriceMinor: z.number().int().nonnegative(),
});
export type LineItem = z.infer<typeof lineItemSchema>;

export const createLinkInputSchema = z.object({
  orderId: z.string().min(1).max(127),
  amountMinor: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/, "ISO 4217 code in upper case"),
  description: z.string().min(1),
  items: z.array(lineItemSchema),
  /** Delivery fee included in amountMinor, shown as its own line where the provider has one. */
  shippingMinor: z.number().int().nonnegative().default(0),
  shippingLabel: z.string().min(1).max(100).default("Shipping"),
  expiresAt: z.date(),
  buyerEmail: z.email().nullish(),
  returnUrl: z.url(),
  cancelUrl: z.url(),
  notifyUrl: z.url(),
});
export type CreateLinkInput = z.input<typeof createLinkInputSchema>;

export type CreateLinkResult = {
  /** Where the buyer goes to pay. */
  url: string;
  /** The link's id at the provider (PayPal order id, MP preference id, Flow token, our order id for transfer/sandbox). */
  providerRef: string;
  expiresAt: Date;
  /** Bank transfer only: what the checkout page shows the buyer. */
  instructions?: TransferDetails;
};

export type WebhookRequest = { headers: Headers; rawBody: Buffer; query: URLSearchParams };

/** What a verified notification tells us to look up; the answer always comes from `fetchStatus`. */
export type StatusLookup = {
  providerRef?: string;
  paymentId?: string;
  orderId?: string;
  /** Unique per delivered event: the idempotency key for the webhook inbox. */
  eventId: string;
  /** Sandbox only: the signed body itself is the evidence, since no provider API exists to ask. */
  evidence?: { rawBody: string; signature: string };
};

export type VerifyWebhookResult =
  | { ok: true; lookup: StatusLookup }
  /** Authentic, but about nothing we track (another topic or event type): answer 2xx, change nothing. */
  | { ok: true; lookup: null; ignoredReason: string }
  | { ok: false; status: 400 | 401 | 403; reason: string };

export type PaymentState = "paid" | "pending" | "failed" | "refunded" | "cancelled";

export type ProviderPaymentStatus = {
  status: PaymentState;
  orderId: string | null;
  providerRef: string | null;
  /** The settled transaction (PayPal capture id, MP payment id, Flow order number): refund with it. */
  providerTxnId: string | null;
  /** What the provider says was charged: compare with the order before marking it paid. */
  amountMinor: number | null;
  currency: string | null;
  raw: unknown;
};

export type RefundInput = {
  providerTxnId: string;
  amountMinor: number;
  currency: string;
  /** Same key for retries of the same refund (PayPal-Request-Id, X-Idempotency-Key, Flow refundCommerceOrder). */
  idempotencyKey: string;
  /** Flow requires the refund receiver's e-mail and a callback URL. */
  receiverEmail?: string | null;
  notifyUrl?: string;
};

export type RefundResult = { refundId: string; status: string };

/** One strategy per provider; `createGateway` is the one place that picks it. */
export interface PaymentGateway {
  readonly id: ProviderId;
  createLink(input: CreateLinkInput): Promise<CreateLinkResult>;
  verifyWebhook(req: WebhookRequest): Promise<VerifyWebhookResult>;
  /** Re-reads the payment from the provider; a webhook body is never trusted for status or amount. */
  fetchStatus(lookup: StatusLookup): Promise<ProviderPaymentStatus>;
  refund(input: RefundInput): Promise<RefundResult>;
}

export type ProviderBaseUrls = { paypal: string; mercadopago: string; flow: string };
