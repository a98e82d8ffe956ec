import { createHash } from "node:crypto";
import { z } from "zod";
import { decimalToMinor } from "../money";
import { PaymentProviderError } from "./errors";
import { sandboxSignatureMatches } from "./sandbox-signature";
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
  type WebhookRequest,
} from "./types";

// Our own test provider: the "payment page" is ours (/sandbox/pay/<order id>) and there is no remote
// API to ask, so the HMAC-signed notification is the source of truth. A captured notification must
// not be replayable forever, hence the freshness window on its timestamp.

const SANDBOX_MAX_AGE_MS = 5 * 60 * 1000;

const eventSchema = z.object({
  event: z.enum(["payment_success", "payment_failure"]),
  timestamp: z.iso.datetime({ offset: true }),
  data: z.object({
    order_id: z.string().min(1),
    transaction_id: z.string().min(1),
    amount: z.union([z.number().nonnegative(), z.string().min(1)]),
  }),
});

export class SandboxGateway implements PaymentGateway {
  readonly id = "sandbox" as const;

  constructor(private readonly opts: { appUrl: string; secret: string; currency: string; now: () => Date }) {}

  async createLink(rawInput: CreateLinkInput): Promise<CreateLinkResult> {
    const input = createLinkInputSchema.parse(rawInput);
    return {
      url: `${this.opts.appUrl}/sandbox/pay/${encodeURIComponent(input.orderId)}`,
      providerRef: input.orderId,
      expiresAt: input.expiresAt,
    };
  }

  async verifyWebhook(req: WebhookRequest): Promise<VerifyWebhookResult> {
    const signature = req.headers.get("x-sandbox-signature");
    if (!signature) return { ok: false, status: 401, reason: "missing X-Sandbox-Signature" };
    if (!sandboxSignatureMatches(req.rawBody, signature, this.opts.secret)) return { ok: false, status: 403, reason: "X-Sandbox-Signature does not match" };
    const rawBody = req.rawBody.toString("utf8");
    const event = parseEvent(rawBody);
    if (!event) return { ok: false, status: 400, reason: "body is not a sandbox payment event" };
    const age = this.opts.now().getTime() - Date.parse(event.timestamp);
    if (Math.abs(age) > SANDBOX_MAX_AGE_MS) return { ok: false, status: 403, reason: "timestamp outside the 5-minute window (replay?)" };
    return {
      ok: true,
      lookup: {
        eventId: `sandbox:${event.data.transaction_id}:${event.event}`,
        orderId: event.data.order_id,
        providerRef: event.data.order_id,
        paymentId: event.data.transaction_id,
        evidence: { rawBody, signature },
      },
    };
  }

  /** Trusts only a body whose signature still verifies; freshness was enforced when it arrived. */
  async fetchStatus(lookup: StatusLookup): Promise<ProviderPaymentStatus> {
    const evidence = lookup.evidence;
    if (!evidence) {
      // Nothing signed has arrived yet, and there is nobody else to ask.
      return { status: "pending", orderId: lookup.orderId ?? null, providerRef: lookup.providerRef ?? null, providerTxnId: null, amountMinor: null, currency: null, raw: null };
    }
    if (!sandboxSignatureMatches(evidence.rawBody, evidence.signature, this.opts.secret)) {
      throw new PaymentProviderError({ provider: "sandbox", code: "invalid_evidence", message: "sandbox evidence is not signed with our secret" });
    }
    const event = parseEvent(evidence.rawBody);
    if (!event) throw new PaymentProviderError({ provider: "sandbox", code: "invalid_evidence", message: "sandbox evidence is not a payment event" });
    let amountMinor: number;
    try {
      amountMinor = decimalToMinor(event.data.amount, this.opts.currency);
    } catch (err) {
      throw new PaymentProviderError({ provider: "sandbox", code: "unexpected_response", message: `sandbox amount unreadable: ${(err as Error).message}` });
    }
    return {
      status: event.event === "payment_success" ? "paid" : "failed",
      orderId: event.data.order_id,
      providerRef: event.data.order_id,
      providerTxnId: event.data.transaction_id,
      amountMinor,
      // The sandbox body has no currency: it charges in the store's currency by definition.
      currency: this.opts.currency,
      raw: event,
    };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const id = createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 16);
    return { refundId: `sbx_rf_${id}`, status: "refunded" };
  }
}

function parseEvent(rawBody: string): z.infer<typeof eventSchema> | null {
  try {
    const parsed = eventSchema.safeParse(JSON.parse(rawBody));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
