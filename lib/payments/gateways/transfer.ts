import type { TransferDetails } from "./credentials";
import {
  createLinkInputSchema,
  type CreateLinkInput,
  type CreateLinkResult,
  type PaymentGateway,
  type ProviderPaymentStatus,
  type RefundInput,
  type RefundResult,
  type StatusLookup,
  type VerifyWebhookResult,
} from "./types";

// Bank transfer has no provider: the buyer pays into the store's account shown on our checkout page
// and the seller confirms receipt by hand. Nothing external can tell us it was paid.

const TRANSFER_SECTION = "bank-transfer";

export class TransferGateway implements PaymentGateway {
  readonly id = "transfer" as const;

  constructor(private readonly opts: { details: TransferDetails }) {}

  /** Our checkout page (the `returnUrl`) opened at its bank-transfer section, plus the details to show there. */
  async createLink(rawInput: CreateLinkInput): Promise<CreateLinkResult> {
    const input = createLinkInputSchema.parse(rawInput);
    const url = new URL(input.returnUrl);
    url.hash = TRANSFER_SECTION;
    return { url: url.toString(), providerRef: input.orderId, expiresAt: input.expiresAt, instructions: this.opts.details };
  }

  async verifyWebhook(): Promise<VerifyWebhookResult> {
    return { ok: false, status: 400, reason: "bank transfers are confirmed by the seller, not by a webhook" };
  }

  /** Always pending: only the seller's confirmation, recorded by the orders domain, settles a transfer. */
  async fetchStatus(lookup: StatusLookup): Promise<ProviderPaymentStatus> {
    return {
      status: "pending",
      orderId: lookup.orderId ?? lookup.providerRef ?? null,
      providerRef: lookup.providerRef ?? lookup.orderId ?? null,
      providerTxnId: null,
      amountMinor: null,
      currency: null,
      raw: null,
    };
  }

  /** The seller sends the money back themselves; this records that a manual refund is owed. */
  async refund(input: RefundInput): Promise<RefundResult> {
    return { refundId: `manual:${input.idempotencyKey}`, status: "manual_required" };
  }
}
