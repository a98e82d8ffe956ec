import { createHash } from "node:crypto";
import { z } from "zod";
import { decimalToMinor, minorToDecimalString } from "../money";
import type { PaypalCredentials } from "./credentials";
import { PaymentProviderError } from "./errors";
import { linesMatchingTotal, truncate } from "./line-items";
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

// PayPal Orders v2 with intent CAPTURE: create order → buyer approves at the payer-action link →
// we capture → PAYMENT.CAPTURE.COMPLETED. Webhooks are verified by PayPal itself
// (POST /v1/notifications/verify-webhook-signature), which needs our webhook id and an OAuth token.

/** Currencies PayPal accepts for payments; HUF, JPY and TWD take no decimals at PayPal. */
export const PAYPAL_CURRENCIES = new Set([
  "AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF", "ILS", "JPY", "MYR", "MXN", "TWD",
  "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD",
]);
const PAYPAL_ZERO_DECIMAL = new Set(["HUF", "JPY", "TWD"]);

const HANDLED_EVENTS = new Set([
  "CHECKOUT.ORDER.APPROVED",
  "CHECKOUT.ORDER.COMPLETED",
  "PAYMENT.CAPTURE.COMPLETED",
  "PAYMENT.CAPTURE.PENDING",
  "PAYMENT.CAPTURE.DENIED",
  "PAYMENT.CAPTURE.DECLINED",
  "PAYMENT.CAPTURE.REFUNDED",
  "PAYMENT.CAPTURE.REVERSED",
]);

const moneySchema = z.object({ currency_code: z.string(), value: z.string() });
const linkSchema = z.object({ href: z.string(), rel: z.string() });
const captureSchema = z.object({ id: z.string(), status: z.string(), amount: moneySchema.optional() });
const orderSchema = z.object({
  id: z.string(),
  status: z.string(),
  links: z.array(linkSchema).optional(),
  purchase_units: z
    .array(
      z.object({
        reference_id: z.string().optional(),
        custom_id: z.string().optional(),
        amount: moneySchema.optional(),
        payments: z.object({ captures: z.array(captureSchema).optional() }).optional(),
      }),
    )
    .optional(),
});
const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const refundSchema = z.object({ id: z.string(), status: z.string() });
const eventSchema = z.object({
  id: z.string(),
  event_type: z.string(),
  resource: z
    .object({
      id: z.string().optional(),
      custom_id: z.string().optional(),
      purchase_units: z.array(z.object({ custom_id: z.string().optional() })).optional(),
      supplementary_data: z.object({ related_ids: z.object({ order_id: z.string().optional() }).optional() }).optional(),
    })
    .optional(),
});

type Token = { value: string; expiresAt: number };
// Shared across gateway instances (they are created per request): one token per app until it nears expiry.
const tokenCache = new Map<string, Token>();

export class PaypalGateway implements PaymentGateway {
  readonly id = "paypal" as const;
  private readonly cacheKey: string;

  constructor(
    private readonly opts: { credentials: PaypalCredentials; baseUrl: string; fetch: FetchLike; timeoutMs: number },
  ) {
    const secretHash = createHash("sha256").update(opts.credentials.clientSecret).digest("hex");
    this.cacheKey = `${opts.baseUrl}|${opts.credentials.clientId}|${secretHash}`;
  }

  async createLink(rawInput: CreateLinkInput): Promise<CreateLinkResult> {
    const input = createLinkInputSchema.parse(rawInput);
    const currency = input.currency;
    if (!PAYPAL_CURRENCIES.has(currency)) {
      throw new PaymentProviderError({ provider: "paypal", code: "currency_not_supported", message: `PayPal does not accept ${currency}` });
    }
    const money = (minor: number) => ({ currency_code: currency, value: paypalValue(minor, currency) });
    const lines = linesMatchingTotal(input);
    const body = {
      intent: "CAPTURE",
      purchase_units: [
        {
          reference_id: input.orderId,
          custom_id: input.orderId,
          description: truncate(input.description, 127),
          amount: {
            ...money(input.amountMinor),
            ...(lines ? { breakdown: { item_total: money(input.amountMinor - input.shippingMinor), ...(input.shippingMinor > 0 ? { shipping: money(input.shippingMinor) } : {}) } } : {}),
          },
          ...(lines
            ? {
                items: lines.map((l) => ({
                  name: truncate(l.name, 127),
                  sku: truncate(l.sku, 127),
                  quantity: String(l.quantity),
                  unit_amount: money(l.unitPriceMinor),
                })),
              }
            : {}),
        },
      ],
      payment_source: {
        paypal: {
          ...(input.buyerEmail ? { email_address: input.buyerEmail } : {}),
          experience_context: {
            payment_method_preference: "IMMEDIATE_PAYMENT_REQUIRED",
            user_action: "PAY_NOW",
            return_url: input.returnUrl,
            cancel_url: input.cancelUrl,
          },
        },
      },
    };
    const res = await this.call("POST", "/v2/checkout/orders", {
      body: JSON.stringify(body),
      // Same attempt → same PayPal order when a step is retried; a new expiry is a new link.
      headers: { "PayPal-Request-Id": `lss-${input.orderId}-${input.expiresAt.getTime()}`, Prefer: "return=minimal" },
    });
    expectSuccess("paypal", res, "order creation");
    const order = parseProviderBody("paypal", orderSchema, res, "order creation");
    const link = order.links?.find((l) => l.rel === "payer-action" || l.rel === "approve");
    if (!link) {
      throw new PaymentProviderError({ provider: "paypal", code: "unexpected_response", message: "PayPal order has no payer-action/approve link", details: res.json });
    }
    return { url: link.href, providerRef: order.id, expiresAt: input.expiresAt };
  }

  async verifyWebhook(req: WebhookRequest): Promise<VerifyWebhookResult> {
    const h = (name: string) => req.headers.get(name) ?? "";
    const transmissionId = h("paypal-transmission-id");
    const transmissionTime = h("paypal-transmission-time");
    const transmissionSig = h("paypal-transmission-sig");
    const certUrl = h("paypal-cert-url");
    const authAlgo = h("paypal-auth-algo");
    if (!transmissionId || !transmissionTime || !transmissionSig || !certUrl || !authAlgo) {
      return { ok: false, status: 401, reason: "missing PayPal transmission headers" };
    }
    const rawText = req.rawBody.toString("utf8");
    let parsedBody: unknown;
    try {
      parsedBody = JSON.parse(rawText);
    } catch {
      return { ok: false, status: 400, reason: "body is not JSON" };
    }
    if (!parsedBody || typeof parsedBody !== "object" || Array.isArray(parsedBody)) return { ok: false, status: 400, reason: "body is not a JSON object" };

    // The event goes back byte for byte: PayPal checks a CRC32 of the body it sent, and re-serialising
    // can reorder keys or change number formatting.
    const head = JSON.stringify({
      auth_algo: authAlgo,
      cert_url: certUrl,
      transmission_id: transmissionId,
      transmission_sig: transmissionSig,
      transmission_time: transmissionTime,
      webhook_id: this.opts.credentials.webhookId,
    });
    const verifyBody = `${head.slice(0, -1)},"webhook_event":${rawText}}`;
    const res = await this.call("POST", "/v1/notifications/verify-webhook-signature", { body: verifyBody });
    if (res.status >= 400 && res.status < 500 && res.status !== 401) {
      return { ok: false, status: 403, reason: `PayPal refused to verify the notification (${res.status})` };
    }
    expectSuccess("paypal", res, "webhook verification");
    const verdict = parseProviderBody("paypal", z.object({ verification_status: z.string() }), res, "webhook verification");
    if (verdict.verification_status !== "SUCCESS") {
      return { ok: false, status: 403, reason: `PayPal verification_status ${verdict.verification_status}` };
    }

    const event = eventSchema.safeParse(parsedBody);
    if (!event.success) return { ok: false, status: 400, reason: "verified body is not a PayPal event" };
    const { event_type: type, resource, id: eventId } = event.data;
    if (!HANDLED_EVENTS.has(type)) return { ok: true, lookup: null, ignoredReason: `event ${type} is not handled` };
    const isOrder = type.startsWith("CHECKOUT.ORDER.");
    const orderRef = isOrder ? resource?.id : resource?.supplementary_data?.related_ids?.order_id;
    if (!orderRef) return { ok: true, lookup: null, ignoredReason: `event ${type} names no order` };
    const ourOrderId = isOrder ? resource?.purchase_units?.[0]?.custom_id : resource?.custom_id;
    return {
      ok: true,
      lookup: {
        eventId,
        providerRef: orderRef,
        ...(ourOrderId ? { orderId: ourOrderId } : {}),
        ...(!isOrder && type !== "PAYMENT.CAPTURE.REFUNDED" && resource?.id ? { paymentId: resource.id } : {}),
      },
    };
  }

  /**
   * Reads the order; an APPROVED order is money the buyer authorised but we have not taken yet, so it
   * is captured here (idempotently, keyed by the order id) — that is how an Orders v2 payment completes.
   */
  async fetchStatus(lookup: StatusLookup): Promise<ProviderPaymentStatus> {
    const orderRef = lookup.providerRef;
    if (!orderRef) throw new PaymentProviderError({ provider: "paypal", code: "lookup_incomplete", message: "PayPal status needs the order id (providerRef)" });
    let order = await this.getOrder(orderRef);
    if (order.status === "APPROVED") {
      const res = await this.call("POST", `/v2/checkout/orders/${encodeURIComponent(orderRef)}/capture`, {
        body: "{}",
        headers: { "PayPal-Request-Id": `lss-capture-${orderRef}`, Prefer: "return=representation" },
      });
      if (res.status === 422 && issueOf(res) === "ORDER_ALREADY_CAPTURED") {
        order = await this.getOrder(orderRef);
      } else if (res.status === 422 && issueOf(res) === "INSTRUMENT_DECLINED") {
        // The buyer's funding source failed; PayPal lets them pick another, so the order stays open.
        return this.toStatus(order, "pending");
      } else {
        expectSuccess("paypal", res, "order capture");
        order = parseProviderBody("paypal", orderSchema, res, "order capture");
      }
    }
    return this.toStatus(order);
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const res = await this.call("POST", `/v2/payments/captures/${encodeURIComponent(input.providerTxnId)}/refund`, {
      body: JSON.stringify({ amount: { currency_code: input.currency, value: paypalValue(input.amountMinor, input.currency) } }),
      headers: { "PayPal-Request-Id": input.idempotencyKey },
    });
    expectSuccess("paypal", res, "refund");
    const refund = parseProviderBody("paypal", refundSchema, res, "refund");
    return { refundId: refund.id, status: refund.status };
  }

  private async getOrder(id: string) {
    const res = await this.call("GET", `/v2/checkout/orders/${encodeURIComponent(id)}`);
    expectSuccess("paypal", res, "order lookup");
    return parseProviderBody("paypal", orderSchema, res, "order lookup");
  }

  private toStatus(order: z.infer<typeof orderSchema>, override?: PaymentState): ProviderPaymentStatus {
    const unit = order.purchase_units?.[0];
    const captures = unit?.payments?.captures ?? [];
    const capture = captures[captures.length - 1];
    const money = capture?.amount ?? unit?.amount ?? null;
    return {
      status: override ?? mapStatus(order.status, capture?.status),
      orderId: unit?.custom_id ?? unit?.reference_id ?? null,
      providerRef: order.id,
      providerTxnId: capture?.id ?? null,
      amountMinor: money ? decimalToMinor(money.value, money.currency_code) : null,
      currency: money?.currency_code ?? null,
      raw: order,
    };
  }

  private async call(method: "GET" | "POST", path: string, extra: { body?: string; headers?: Record<string, string> } = {}): Promise<ProviderResponse> {
    const send = async (token: string) =>
      providerRequest({
        provider: "paypal",
        fetch: this.opts.fetch,
        timeoutMs: this.opts.timeoutMs,
        method,
        url: `${this.opts.baseUrl}${path}`,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          ...(extra.body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...extra.headers,
        },
        body: extra.body,
      });
    let res = await send(await this.accessToken());
    if (res.status === 401) {
      // Revoked or rotated credentials invalidate a cached token before it expires.
      tokenCache.delete(this.cacheKey);
      res = await send(await this.accessToken());
    }
    return res;
  }

  private async accessToken(): Promise<string> {
    const cached = tokenCache.get(this.cacheKey);
    if (cached && cached.expiresAt > Date.now()) return cached.value;
    const { clientId, clientSecret } = this.opts.credentials;
    const res = await providerRequest({
      provider: "paypal",
      fetch: this.opts.fetch,
      timeoutMs: this.opts.timeoutMs,
      method: "POST",
      url: `${this.opts.baseUrl}/v1/oauth2/token`,
      headers: {
        Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: "grant_type=client_credentials",
    });
    if (res.status === 401) {
      throw new PaymentProviderError({ provider: "paypal", code: "invalid_credentials", httpStatus: 401, message: "PayPal rejected the client id/secret", details: res.json });
    }
    expectSuccess("paypal", res, "OAuth token request");
    const token = parseProviderBody("paypal", tokenSchema, res, "OAuth token request");
    // Renew a minute early so a token never expires between our check and PayPal's.
    tokenCache.set(this.cacheKey, { value: token.access_token, expiresAt: Date.now() + Math.max(0, token.expires_in - 60) * 1000 });
    return token.access_token;
  }
}

/** PayPal's amount string: our currency digits, except that HUF/JPY/TWD must be whole numbers at PayPal. */
function paypalValue(minor: number, currency: string): string {
  const value = minorToDecimalString(minor, currency);
  if (!PAYPAL_ZERO_DECIMAL.has(currency) || !value.includes(".")) return value;
  const [whole, fraction] = value.split(".");
  if (/^0+$/.test(fraction!)) return whole!;
  throw new PaymentProviderError({ provider: "paypal", code: "amount_not_representable", message: `PayPal takes whole ${currency} only; ${value} has decimals` });
}

function mapStatus(orderStatus: string, captureStatus: string | undefined): PaymentState {
  if (captureStatus) {
    switch (captureStatus) {
      case "COMPLETED":
      case "PARTIALLY_REFUNDED":
        return "paid";
      case "REFUNDED":
        return "refunded";
      case "DECLINED":
      case "FAILED":
        return "failed";
      default:
        return "pending";
    }
  }
  return orderStatus === "VOIDED" ? "cancelled" : "pending";
}

function issueOf(res: ProviderResponse): string | undefined {
  const details = (res.json as { details?: { issue?: unknown }[] } | null)?.details;
  const issue = Array.isArray(details) ? details[0]?.issue : undefined;
  return typeof issue === "string" ? issue : undefined;
}
