import { z } from "zod";
import { decimalToMinor, minorToDecimalString } from "../money";
import type { FlowCredentials } from "./credentials";
import { PaymentProviderError } from "./errors";
import { withFlowSignature } from "./flow-signature";
import { expectSuccess, parseProviderBody, providerRequest, type FetchLike, type ProviderResponse } from "./provider-request";
import {
  createLinkInputSchema,
  type CreateLinkInput,
  type CreateLinkResult,
  type PaymentGateway,
  type PaymentState,
  type ProviderPaymentStatus,
  type RefundInput,
  type RefundResult,
  type StatusLookup,
  type VerifyWebhookResult,
  type WebhookRequest,
} from "./types";

// Flow (flow.cl) API v2. Every call carries apiKey and `s`, the HMAC of the sorted parameters.
// The confirmation Flow POSTs to urlConfirmation holds only a token and no signature: it is
// authenticated by asking Flow (signed payment/getStatus) about that token. Flow wants the
// confirmation answered within 15 s, so each call is bounded by the gateway's timeout.

/** "Todos los medios de pago": let the buyer choose. */
const ALL_PAYMENT_METHODS = "9";

const createSchema = z.object({ url: z.string(), token: z.string(), flowOrder: z.union([z.number(), z.string()]) });
const statusSchema = z.object({
  flowOrder: z.union([z.number(), z.string()]),
  commerceOrder: z.string(),
  status: z.union([z.number(), z.string()]).transform(Number),
  currency: z.string(),
  amount: z.union([z.number(), z.string()]),
});
const refundSchema = z.object({ flowRefundOrder: z.union([z.number(), z.string()]), status: z.string() });

export class FlowGateway implements PaymentGateway {
  readonly id = "flow" as const;

  constructor(
    private readonly opts: { credentials: FlowCredentials; baseUrl: string; fetch: FetchLike; timeoutMs: number; now: () => Date },
  ) {}

  async createLink(rawInput: CreateLinkInput): Promise<CreateLinkResult> {
    const input = createLinkInputSchema.parse(rawInput);
    if (!input.buyerEmail) {
      // Flow requires the payer's e-mail; collect it on our checkout page before creating a Flow link.
      throw new PaymentProviderError({ provider: "flow", code: "buyer_email_required", message: "Flow needs the buyer's e-mail to create a payment" });
    }
    const secondsLeft = Math.floor((input.expiresAt.getTime() - this.opts.now().getTime()) / 1000);
    if (secondsLeft <= 0) throw new PaymentProviderError({ provider: "flow", code: "already_expired", message: "expiresAt is in the past" });
    const params: Record<string, string> = {
      apiKey: this.opts.credentials.apiKey,
      commerceOrder: input.orderId,
      subject: input.description,
      currency: input.currency,
      amount: minorToDecimalString(input.amountMinor, input.currency),
      email: input.buyerEmail,
      paymentMethod: ALL_PAYMENT_METHODS,
      urlConfirmation: input.notifyUrl,
      urlReturn: input.returnUrl,
      timeout: String(secondsLeft),
      optional: JSON.stringify({ order_id: input.orderId }),
    };
    const res = await this.send("POST", "/payment/create", params);
    expectSuccess("flow", res, "payment creation");
    const created = parseProviderBody("flow", createSchema, res, "payment creation");
    return { url: `${created.url}?token=${encodeURIComponent(created.token)}`, providerRef: created.token, expiresAt: input.expiresAt };
  }

  async verifyWebhook(req: WebhookRequest): Promise<VerifyWebhookResult> {
    const token = new URLSearchParams(req.rawBody.toString("utf8")).get("token")?.trim();
    if (!token) return { ok: false, status: 401, reason: "confirmation without token" };
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(token)) return { ok: false, status: 400, reason: "malformed token" };
    const res = await this.send("GET", "/payment/getStatus", { apiKey: this.opts.credentials.apiKey, token });
    if (res.status >= 400 && res.status < 500 && res.status !== 401) {
      return { ok: false, status: 401, reason: `Flow does not recognise the token (${res.status})` };
    }
    expectSuccess("flow", res, "token check");
    const status = parseProviderBody("flow", statusSchema, res, "token check");
    return { ok: true, lookup: { providerRef: token, orderId: status.commerceOrder, eventId: `flow:${token}:${status.status}` } };
  }

  async fetchStatus(lookup: StatusLookup): Promise<ProviderPaymentStatus> {
    const apiKey = this.opts.credentials.apiKey;
    let res: ProviderResponse;
    if (lookup.providerRef) res = await this.send("GET", "/payment/getStatus", { apiKey, token: lookup.providerRef });
    else if (lookup.orderId) res = await this.send("GET", "/payment/getStatusByCommerceId", { apiKey, commerceId: lookup.orderId });
    else throw new PaymentProviderError({ provider: "flow", code: "lookup_incomplete", message: "Flow status needs the token (providerRef) or our order id" });
    expectSuccess("flow", res, "status lookup");
    const s = parseProviderBody("flow", statusSchema, res, "status lookup");
    return {
      status: mapStatus(s.status),
      orderId: s.commerceOrder,
      providerRef: lookup.providerRef ?? null,
      providerTxnId: String(s.flowOrder),
      amountMinor: decimalToMinor(s.amount, s.currency),
      currency: s.currency,
      raw: res.json,
    };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    if (!input.receiverEmail || !input.notifyUrl) {
      throw new PaymentProviderError({ provider: "flow", code: "refund_details_required", message: "Flow refunds need the receiver's e-mail and a callback URL" });
    }
    const res = await this.send("POST", "/refund/create", {
      apiKey: this.opts.credentials.apiKey,
      refundCommerceOrder: input.idempotencyKey,
      receiverEmail: input.receiverEmail,
      amount: minorToDecimalString(input.amountMinor, input.currency),
      urlCallBack: input.notifyUrl,
      flowTrxId: input.providerTxnId,
    });
    expectSuccess("flow", res, "refund");
    const refund = parseProviderBody("flow", refundSchema, res, "refund");
    return { refundId: String(refund.flowRefundOrder), status: refund.status };
  }

  private send(method: "GET" | "POST", path: string, params: Record<string, string>): Promise<ProviderResponse> {
    const signed = withFlowSignature(params, this.opts.credentials.secretKey);
    const url = `${this.opts.baseUrl}${path}`;
    return providerRequest({
      provider: "flow",
      fetch: this.opts.fetch,
      timeoutMs: this.opts.timeoutMs,
      method,
      url: method === "GET" ? `${url}?${signed}` : url,
      headers: { Accept: "application/json", ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      body: method === "POST" ? signed.toString() : undefined,
    });
  }
}

function mapStatus(status: number): PaymentState {
  switch (status) {
    case 2:
      return "paid";
    case 3:
      return "failed";
    case 4:
      return "cancelled";
    default:
      return "pending";
  }
}
