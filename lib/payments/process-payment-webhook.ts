import { prisma, type Prisma } from "@/lib/db";
import { afterOrderPaid } from "./after-order-paid";
import { applyProviderStatus, type AppliedStatus } from "./apply-provider-status";
import { gatewayForStore } from "./gateway-for-store";
import { PaymentProviderError, PaymentProviderUnavailableError } from "./gateways/errors";
import type { ProviderId, WebhookRequest } from "./gateways/types";
import type { PaymentRuntime } from "./payment-runtime";

export type WebhookOutcome = { status: number; body: Record<string, unknown>; applied?: AppliedStatus };

// Provider answers that no retry can fix: acknowledge them so the provider stops resending.
const PERMANENT_PROVIDER_CODES = new Set(["invalid_evidence", "lookup_incomplete", "unexpected_response"]);

/**
 * One payment notification: verify it the provider's own way (nothing is written for an unverifiable
 * one), store it once in the webhook inbox (unique per provider event), re-read the payment from the
 * provider, and apply that. A delivery already processed answers 200 and changes nothing. Provider
 * outages answer 503 so the provider retries later; anything that can never succeed answers 2xx.
 */
export async function processPaymentWebhook({
  provider,
  storeId,
  request,
  runtime,
}: {
  provider: ProviderId;
  storeId: string | null;
  request: WebhookRequest;
  runtime: PaymentRuntime;
}): Promise<WebhookOutcome> {
  const store = storeId ?? (provider === "sandbox" ? await sandboxStoreOf(request.rawBody) : null);
  if (!store) return reject(401, "unknown_store", "The notification URL names no store (?store=<id>)");
  const resolved = await gatewayForStore({ storeId: store, provider, runtime });
  if (!resolved) return reject(401, "not_configured", `${provider} is not configured for this store`);
  // Test money only counts where the owner switched test payments on: a signed sandbox notification for
  // any other store is refused before anything is stored (403, so a misdirected sender sees why).
  if (provider === "sandbox" && !resolved.enabled) return reject(403, "sandbox_disabled", "Test payments are not enabled for this store");

  let verification;
  try {
    verification = await resolved.gateway.verifyWebhook(request);
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) return reject(503, "provider_unavailable", "Could not verify the notification with the provider; retry later");
    throw error;
  }
  if (!verification.ok) return reject(verification.status, verification.status === 400 ? "invalid_payload" : "invalid_signature", verification.reason);
  if (!verification.lookup) return { status: 200, body: { ok: true, ignored: verification.ignoredReason } };
  const lookup = verification.lookup;

  const source = `payments:${provider}`;
  const inserted = await prisma.webhookEvent.createMany({
    data: [{ source, externalId: lookup.eventId, storeId: store, orderId: null, type: eventTypeOf(provider, request), payload: payloadOf(request) }],
    skipDuplicates: true,
  });
  const event = await prisma.webhookEvent.findUniqueOrThrow({ where: { source_externalId: { source, externalId: lookup.eventId } } });
  if (inserted.count === 0 && event.processedAt) return { status: 200, body: { ok: true, duplicate: true } };

  let status;
  try {
    status = await resolved.gateway.fetchStatus(lookup);
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError) return reject(503, "provider_unavailable", "The provider did not answer the status lookup; retry later");
    if (error instanceof PaymentProviderError && PERMANENT_PROVIDER_CODES.has(error.code)) {
      await prisma.webhookEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
      return { status: 200, body: { ok: true, ignored: `${error.code}: ${error.message}` } };
    }
    if (error instanceof PaymentProviderError) return reject(502, error.code, "The provider refused the status lookup; retry later");
    throw error;
  }

  const applied = await applyProviderStatus({ storeId: store, provider, status, lookup, actor: { type: "WEBHOOK", id: event.id } });
  if (applied.kind === "paid") await afterOrderPaid(applied.result);
  const orderId = applied.kind === "paid" ? applied.result.orderId : applied.orderId;
  await prisma.webhookEvent.update({ where: { id: event.id }, data: { processedAt: new Date(), orderId } });
  return {
    status: 200,
    body: {
      ok: true,
      ...(applied.kind === "paid" ? { outcome: applied.result.outcome } : applied.kind === "recorded" ? { outcome: applied.paymentStatus.toLowerCase() } : { ignored: applied.reason }),
    },
    applied,
  };
}

function reject(status: number, code: string, message: string): WebhookOutcome {
  return { status, body: { error: { code, message } } };
}

/** The sandbox's notification URL may omit the store: its signed body names our order. */
async function sandboxStoreOf(rawBody: Buffer): Promise<string | null> {
  try {
    const body = JSON.parse(rawBody.toString("utf8")) as { data?: { order_id?: unknown } };
    const orderId = body.data?.order_id;
    if (typeof orderId !== "string" || orderId.length > 64) return null;
    const order = await prisma.order.findUnique({ where: { id: orderId }, select: { storeId: true } });
    return order?.storeId ?? null;
  } catch {
    return null;
  }
}

function eventTypeOf(provider: ProviderId, request: WebhookRequest): string {
  const text = request.rawBody.toString("utf8");
  if (provider === "flow") return "flow.confirmation";
  try {
    const body = JSON.parse(text) as { event?: unknown; event_type?: unknown; action?: unknown; type?: unknown };
    const name = body.event ?? body.event_type ?? body.action ?? body.type ?? request.query.get("type");
    return `${provider}.${typeof name === "string" ? name : "notification"}`;
  } catch {
    return `${provider}.${request.query.get("type") ?? "notification"}`;
  }
}

/** What the timeline shows of a delivery: the JSON body, or the form fields (Flow sends only a token). */
function payloadOf(request: WebhookRequest): Prisma.InputJsonValue {
  const text = request.rawBody.toString("utf8").slice(0, 64 * 1024);
  try {
    return { body: JSON.parse(text) as Prisma.InputJsonValue, query: Object.fromEntries(request.query.entries()) };
  } catch {
    return { form: Object.fromEntries(new URLSearchParams(text).entries()), query: Object.fromEntries(request.query.entries()) };
  }
}
