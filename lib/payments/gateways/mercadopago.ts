import { z } from "zod";
import { decimalToMinor, minorToDecimalString } from "../money";
import type { MercadopagoCredentials } from "./credentials";
import { PaymentProviderError } from "./errors";
import { linesMatchingTotal, truncate } from "./line-items";
import { mercadopagoManifest, mercadopagoSignatureMatches, parseXSignature } from "./mercadopago-signature";
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

// Mercado Pago Checkout Pro: a preference (items, external_reference = our order id, expiry) gives the
// init_point the buyer opens; payment notifications carry only data.id, so the payment itself is read
// from GET /v1/payments/{id}.

const preferenceSchema = z.object({ id: z.string(), init_point: z.string() });
const paymentSchema = z.object({
  id: z.union([z.number(), z.string()]),
  status: z.string(),
  status_detail: z.string().nullish(),
  transaction_amount: z.union([z.number(), z.string()]),
  currency_id: z.string(),
  external_reference: z.string().nullish(),
  preference_id: z.string().nullish(),
});
const searchSchema = z.object({ results: z.array(paymentSchema) });
const refundSchema = z.object({ id: z.union([z.number(), z.string()]), status: z.string() });
const notificationSchema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  type: z.string().optional(),
  action: z.string().optional(),
  data: z.object({ id: z.union([z.number(), z.string()]) }).optional(),
});

export class MercadopagoGateway implements PaymentGateway {
  readonly id = "mercadopago" as const;

  constructor(
    private readonly opts: { credentials: MercadopagoCredentials; baseUrl: string; fetch: FetchLike; timeoutMs: number; now: () => Date },
  ) {}

  async createLink(rawInput: CreateLinkInput): Promise<CreateLinkResult> {
    const input = createLinkInputSchema.parse(rawInput);
    const price = (minor: number) => Number(minorToDecimalString(minor, input.currency));
    const lines = linesMatchingTotal(input);
    const items = lines
      ? [
          ...lines.map((l) => ({ id: l.sku, title: truncate(l.name, 256), quantity: l.quantity, unit_price: price(l.unitPriceMinor), currency_id: input.currency })),
          ...(input.shippingMinor > 0 ? [{ id: "shipping", title: truncate(input.shippingLabel, 256), quantity: 1, unit_price: price(input.shippingMinor), currency_id: input.currency }] : []),
        ]
      : [{ id: input.orderId, title: truncate(input.description, 256), quantity: 1, unit_price: price(input.amountMinor), currency_id: input.currency }];
    const body = {
      items,
      external_reference: input.orderId,
      notification_url: input.notifyUrl,
      back_urls: { success: input.returnUrl, pending: input.returnUrl, failure: input.cancelUrl },
      auto_return: "approved",
      expires: true,
      expiration_date_from: mpDate(this.opts.now()),
      expiration_date_to: mpDate(input.expiresAt),
      metadata: { order_id: input.orderId },
      ...(input.buyerEmail ? { payer: { email: input.buyerEmail } } : {}),
    };
    const res = await this.call("POST", "/checkout/preferences", {
      body: JSON.stringify(body),
      headers: { "X-Idempotency-Key": `lss-pref-${input.orderId}-${input.expiresAt.getTime()}` },
    });
    expectSuccess("mercadopago", res, "preference creation");
    const pref = parseProviderBody("mercadopago", preferenceSchema, res, "preference creation");
    return { url: pref.init_point, providerRef: pref.id, expiresAt: input.expiresAt };
  }

  async verifyWebhook(req: WebhookRequest): Promise<VerifyWebhookResult> {
    const header = req.headers.get("x-signature");
    if (!header) return { ok: false, status: 401, reason: "missing x-signature header" };
    const sig = parseXSignature(header);
    if (!sig) return { ok: false, status: 401, reason: "x-signature lacks ts or v1" };
    // The signature covers data.id as it appears in the URL, not the body.
    const dataId = req.query.get("data.id");
    const manifest = mercadopagoManifest({ dataId, requestId: req.headers.get("x-request-id"), ts: sig.ts });
    if (!mercadopagoSignatureMatches({ manifest, v1: sig.v1, secret: this.opts.credentials.webhookSecret })) {
      return { ok: false, status: 403, reason: "x-signature does not match" };
    }

    let body: z.infer<typeof notificationSchema> = {};
    const text = req.rawBody.toString("utf8");
    if (text) {
      try {
        const parsed = notificationSchema.safeParse(JSON.parse(text));
        if (parsed.success) body = parsed.data;
      } catch {
        // A signed notification with an unreadable body still names its payment in the signed URL.
      }
    }
    const type = req.query.get("type") ?? body.type;
    if (type !== "payment") return { ok: true, lookup: null, ignoredReason: `topic ${type ?? "(none)"} is not handled` };
    if (!dataId) return { ok: false, status: 400, reason: "payment notification without data.id in the URL" };
    if (body.data && String(body.data.id) !== dataId) return { ok: false, status: 400, reason: "body data.id differs from the signed URL data.id" };
    const eventId = body.id !== undefined ? `mp:${String(body.id)}` : `mp:${dataId}:${sig.ts}`;
    return { ok: true, lookup: { paymentId: dataId, eventId } };
  }

  async fetchStatus(lookup: StatusLookup): Promise<ProviderPaymentStatus> {
    let payment: z.infer<typeof paymentSchema> | null;
    if (lookup.paymentId) {
      const res = await this.call("GET", `/v1/payments/${encodeURIComponent(lookup.paymentId)}`);
      expectSuccess("mercadopago", res, "payment lookup");
      payment = parseProviderBody("mercadopago", paymentSchema, res, "payment lookup");
    } else if (lookup.orderId) {
      // No payment id yet (reconciliation before any notification): find payments by our order id.
      const q = new URLSearchParams({ external_reference: lookup.orderId, sort: "date_created", criteria: "desc" });
      const res = await this.call("GET", `/v1/payments/search?${q}`);
      expectSuccess("mercadopago", res, "payment search");
      const { results } = parseProviderBody("mercadopago", searchSchema, res, "payment search");
      payment = results.find((p) => p.status === "approved") ?? results[0] ?? null;
    } else {
      throw new PaymentProviderError({ provider: "mercadopago", code: "lookup_incomplete", message: "Mercado Pago status needs a payment id or our order id" });
    }
    if (!payment) {
      return { status: "pending", orderId: lookup.orderId ?? null, providerRef: lookup.providerRef ?? null, providerTxnId: null, amountMinor: null, currency: null, raw: null };
    }
    return {
      status: mapStatus(payment.status),
      orderId: payment.external_reference ?? null,
      providerRef: payment.preference_id ?? lookup.providerRef ?? null,
      providerTxnId: String(payment.id),
      amountMinor: decimalToMinor(payment.transaction_amount, payment.currency_id),
      currency: payment.currency_id,
      raw: payment,
    };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const res = await this.call("POST", `/v1/payments/${encodeURIComponent(input.providerTxnId)}/refunds`, {
      body: JSON.stringify({ amount: Number(minorToDecimalString(input.amountMinor, input.currency)) }),
      headers: { "X-Idempotency-Key": input.idempotencyKey },
    });
    expectSuccess("mercadopago", res, "refund");
    const refund = parseProviderBody("mercadopago", refundSchema, res, "refund");
    return { refundId: String(refund.id), status: refund.status };
  }

  private call(method: "GET" | "POST", path: string, extra: { body?: string; headers?: Record<string, string> } = {}): Promise<ProviderResponse> {
    return providerRequest({
      provider: "mercadopago",
      fetch: this.opts.fetch,
      timeoutMs: this.opts.timeoutMs,
      method,
      url: `${this.opts.baseUrl}${path}`,
      headers: {
        Authorization: `Bearer ${this.opts.credentials.accessToken}`,
        Accept: "application/json",
        ...(extra.body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...extra.headers,
      },
      body: extra.body,
    });
  }
}

/** ISO 8601 with milliseconds and an explicit offset, the form Mercado Pago documents (…T12:00:00.000-04:00). */
function mpDate(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

function mapStatus(status: string): PaymentState {
  switch (status) {
    case "approved":
      return "paid";
    case "rejected":
      return "failed";
    case "cancelled":
      return "cancelled";
    case "refunded":
    case "charged_back":
      return "refunded";
    default:
      // pending, authorized (not yet captured), in_process, in_mediation
      return "pending";
  }
}
