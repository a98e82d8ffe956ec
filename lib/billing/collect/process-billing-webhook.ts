import { z } from "zod";
import { prisma, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { PaymentProviderError, PaymentProviderUnavailableError } from "@/lib/payments/gateways/errors";
import { mercadopagoManifest, mercadopagoSignatureMatches, parseXSignature } from "@/lib/payments/gateways/mercadopago-signature";
import { fetchAuthorizedPayment, fetchPaypalCapture, fetchPreapproval, paypalPlatformCall } from "./platform-providers";
import { completePaymentMethodSetup } from "./setup-payment-method";
import { setPaymentMethod } from "./set-payment-method";
import { settleInvoice } from "./settle-invoice";

export type BillingWebhookRequest = { headers: Headers; rawBody: Buffer; query: URLSearchParams };
type Outcome = { status: number; body: Record<string, unknown> };

const SYSTEM = { actorType: "SYSTEM" as const };
const reject = (status: number, code: string, message: string): Outcome => ({ status, body: { error: { code, message } } });
const done = (body: Record<string, unknown>): Outcome => ({ status: 200, body: { ok: true, ...body } });

/**
 * A notification about the platform's own collection: /api/webhooks/billing/{paypal|mercadopago}.
 * Verified the provider's way before anything is stored (PayPal verify-webhook-signature with the
 * platform app's webhook id; Mercado Pago's x-signature HMAC manifest) — unverifiable → 401/403 and
 * nothing changes. Stored once per provider event (a repeat answers 200 and changes nothing); the state
 * is then re-read from the provider, never taken from the body, and applied: a completed PayPal capture
 * or an approved Mercado Pago debit settles its invoice, an authorized or cancelled subscription or a
 * deleted PayPal token updates the store's payment method. Provider outages answer 503 (the provider
 * retries).
 */
export async function processBillingWebhook({ provider, request }: { provider: "paypal" | "mercadopago"; request: BillingWebhookRequest }): Promise<Outcome> {
  try {
    const verified = provider === "paypal" ? await verifyPaypal(request) : verifyMercadopago(request);
    if ("status" in verified) return verified;
    const source = `billing:${provider}`;
    const inserted = await prisma.webhookEvent.createMany({ data: [{ source, externalId: verified.eventId, type: `${provider}.${verified.type}`, payload: payloadOf(request) }], skipDuplicates: true });
    const event = await prisma.webhookEvent.findUniqueOrThrow({ where: { source_externalId: { source, externalId: verified.eventId } } });
    if (inserted.count === 0 && event.processedAt) return done({ duplicate: true });
    const applied = provider === "paypal" ? await applyPaypal(verified.type, verified.resourceId) : await applyMercadopago(verified.type, verified.resourceId);
    await prisma.webhookEvent.update({ where: { id: event.id }, data: { processedAt: new Date(), storeId: applied.storeId ?? null } });
    logger.info({ provider, type: verified.type, outcome: applied.outcome, storeId: applied.storeId ?? null }, "billing webhook applied");
    return done({ outcome: applied.outcome });
  } catch (e) {
    if (e instanceof PaymentProviderUnavailableError) return reject(503, "provider_unavailable", "The provider did not answer; retry later");
    if (e instanceof PaymentProviderError) return reject(502, e.code, "The provider refused the lookup; retry later");
    throw e;
  }
}

type Verified = { eventId: string; type: string; resourceId: string };

// ───────────────────────────── Mercado Pago ─────────────────────────────

const MP_TOPICS = new Set(["subscription_preapproval", "subscription_authorized_payment"]);

function verifyMercadopago(req: BillingWebhookRequest): Verified | Outcome {
  const secret = env().BILLING_MERCADOPAGO_WEBHOOK_SECRET;
  if (!secret) return reject(401, "not_configured", "Mercado Pago collection is not configured");
  const header = req.headers.get("x-signature");
  if (!header) return reject(401, "invalid_signature", "missing x-signature header");
  const sig = parseXSignature(header);
  if (!sig) return reject(401, "invalid_signature", "x-signature lacks ts or v1");
  const dataId = req.query.get("data.id");
  const manifest = mercadopagoManifest({ dataId, requestId: req.headers.get("x-request-id"), ts: sig.ts });
  if (!mercadopagoSignatureMatches({ manifest, v1: sig.v1, secret })) return reject(403, "invalid_signature", "x-signature does not match");
  let body: { id?: unknown; type?: unknown; data?: { id?: unknown } } = {};
  try {
    const text = req.rawBody.toString("utf8");
    if (text) body = JSON.parse(text) as typeof body;
  } catch {
    // The signed URL names the resource; an unreadable body is not needed.
  }
  const type = req.query.get("type") ?? (typeof body.type === "string" ? body.type : "");
  if (!MP_TOPICS.has(type)) return done({ ignored: `topic ${type || "(none)"} is not handled` });
  if (!dataId || dataId.length > 64) return reject(400, "invalid_payload", "notification without data.id in the URL");
  if (body.data?.id !== undefined && String(body.data.id) !== dataId) return reject(400, "invalid_payload", "body data.id differs from the signed URL data.id");
  const eventId = body.id !== undefined ? `mp:${String(body.id)}` : `mp:${type}:${dataId}:${sig.ts}`;
  return { eventId, type, resourceId: dataId };
}

async function applyMercadopago(type: string, id: string): Promise<{ outcome: string; storeId?: string }> {
  if (type === "subscription_preapproval") {
    const p = await fetchPreapproval(id);
    if (!p) return { outcome: "unknown_subscription" };
    const sub = await prisma.subscription.findFirst({ where: { OR: [{ pendingMethod: "mercadopago", pendingToken: p.id }, { paymentMethod: "mercadopago", paymentToken: p.id }] } });
    if (!sub) return { outcome: "not_ours" };
    if (p.status === "authorized") {
      await completePaymentMethodSetup({ storeId: sub.storeId, provider: "mercadopago", token: p.id, actor: SYSTEM });
      return { outcome: "subscription_authorized", storeId: sub.storeId };
    }
    if ((p.status === "cancelled" || p.status === "paused") && sub.paymentMethod === "mercadopago" && sub.paymentToken === p.id) {
      await setPaymentMethod({ storeId: sub.storeId, method: null, actor: SYSTEM });
      return { outcome: `subscription_${p.status}`, storeId: sub.storeId };
    }
    return { outcome: `subscription_${p.status}`, storeId: sub.storeId };
  }
  const debit = await fetchAuthorizedPayment(id);
  if (!debit) return { outcome: "unknown_debit" };
  const sub = await prisma.subscription.findFirst({ where: { paymentMethod: "mercadopago", paymentToken: debit.preapprovalId } });
  if (!sub) return { outcome: "not_ours" };
  const open = await prisma.invoice.findMany({ where: { storeId: sub.storeId, status: "open" }, orderBy: { number: "asc" } });
  const invoice = open.find((i) => {
    const totals = i.totals as Record<string, number>;
    return Object.keys(totals).length === 1 && totals[debit.currency] === debit.amountMinor;
  });
  if (debit.paymentStatus === "approved") {
    if (!invoice) return { outcome: "no_matching_invoice", storeId: sub.storeId };
    const r = await settleInvoice({ invoiceId: invoice.id, ref: JSON.stringify({ mercadopago: debit.paymentId ?? debit.id }), actor: SYSTEM });
    return { outcome: r.settled ? "invoice_paid" : "already_paid", storeId: sub.storeId };
  }
  if (invoice && debit.paymentStatus) {
    // A refused debit: Mercado Pago retries it; the invoice shows why and the dunning deadline still runs.
    await prisma.invoice.updateMany({ where: { id: invoice.id, status: "open" }, data: { lastError: `mercadopago_${debit.paymentStatus}`.slice(0, 60) } });
  }
  return { outcome: `debit_${debit.paymentStatus ?? debit.status}`, storeId: sub.storeId };
}

// ───────────────────────────── PayPal ─────────────────────────────

const PAYPAL_EVENTS = new Set(["PAYMENT.CAPTURE.COMPLETED", "PAYMENT.CAPTURE.PENDING", "PAYMENT.CAPTURE.DENIED", "PAYMENT.CAPTURE.DECLINED", "VAULT.PAYMENT-TOKEN.DELETED"]);
const paypalEventSchema = z.object({ id: z.string().min(1).max(100), event_type: z.string(), resource: z.object({ id: z.string().min(1).max(100) }).passthrough() });

async function verifyPaypal(req: BillingWebhookRequest): Promise<Verified | Outcome> {
  const webhookId = env().BILLING_PAYPAL_WEBHOOK_ID;
  if (!webhookId) return reject(401, "not_configured", "PayPal collection webhooks are not configured");
  const h = (name: string) => req.headers.get(name) ?? "";
  const fields = { auth_algo: h("paypal-auth-algo"), cert_url: h("paypal-cert-url"), transmission_id: h("paypal-transmission-id"), transmission_sig: h("paypal-transmission-sig"), transmission_time: h("paypal-transmission-time") };
  if (Object.values(fields).some((v) => !v)) return reject(401, "invalid_signature", "missing PayPal transmission headers");
  const raw = req.rawBody.toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return reject(400, "invalid_payload", "body is not JSON");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return reject(400, "invalid_payload", "body is not a JSON object");
  // The event goes back byte for byte (PayPal checks a CRC32 of what it sent).
  const head = JSON.stringify({ ...fields, webhook_id: webhookId });
  const res = await paypalPlatformCall("POST", "/v1/notifications/verify-webhook-signature", { body: `${head.slice(0, -1)},"webhook_event":${raw}}` });
  if (res.status >= 400 && res.status < 500 && res.status !== 401) return reject(403, "invalid_signature", `PayPal refused to verify the notification (${res.status})`);
  if (res.status < 200 || res.status >= 300) throw new PaymentProviderError({ provider: "paypal", code: `http_${res.status}`, message: "PayPal webhook verification failed" });
  const verdict = z.object({ verification_status: z.string() }).safeParse(res.json);
  if (!verdict.success || verdict.data.verification_status !== "SUCCESS") return reject(403, "invalid_signature", "PayPal did not verify the notification");
  const event = paypalEventSchema.safeParse(parsed);
  if (!event.success) return reject(400, "invalid_payload", "verified body is not a PayPal event");
  if (!PAYPAL_EVENTS.has(event.data.event_type)) return done({ ignored: `event ${event.data.event_type} is not handled` });
  return { eventId: event.data.id, type: event.data.event_type, resourceId: event.data.resource.id };
}

async function applyPaypal(type: string, id: string): Promise<{ outcome: string; storeId?: string }> {
  if (type === "VAULT.PAYMENT-TOKEN.DELETED") {
    const sub = await prisma.subscription.findFirst({ where: { paymentMethod: "paypal", paymentToken: id } });
    if (!sub) return { outcome: "not_ours" };
    await setPaymentMethod({ storeId: sub.storeId, method: null, actor: SYSTEM });
    return { outcome: "payment_method_removed", storeId: sub.storeId };
  }
  const capture = await fetchPaypalCapture(id);
  if (!capture?.invoiceId) return { outcome: "not_ours" };
  const invoiceId = capture.invoiceId;
  const invoice = await prisma.invoice.findUnique({ where: { id: invoiceId } });
  if (!invoice) return { outcome: "not_ours" };
  if (capture.status !== "COMPLETED") return { outcome: `capture_${capture.status.toLowerCase()}`, storeId: invoice.storeId };
  const totals = invoice.totals as Record<string, number>;
  if (totals[capture.currency] !== capture.amountMinor) return { outcome: "amount_mismatch", storeId: invoice.storeId };
  // Record this currency as paid; when every currency of the invoice is, it is settled (once).
  const allPaid = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM invoices WHERE id = ${invoiceId} FOR UPDATE`;
    const fresh = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    if (fresh.status !== "open") return null;
    const refs: Record<string, string> = fresh.providerRef ? (JSON.parse(fresh.providerRef) as Record<string, string>) : {};
    refs[capture.currency] = capture.id;
    await tx.invoice.update({ where: { id: invoiceId }, data: { providerRef: JSON.stringify(refs) } });
    return Object.keys(totals).every((cur) => refs[cur]) ? refs : null;
  });
  if (!allPaid) return { outcome: invoice.status === "open" ? "capture_recorded" : "already_paid", storeId: invoice.storeId };
  const r = await settleInvoice({ invoiceId, ref: JSON.stringify(allPaid), actor: SYSTEM });
  return { outcome: r.settled ? "invoice_paid" : "already_paid", storeId: invoice.storeId };
}

function payloadOf(request: BillingWebhookRequest): Prisma.InputJsonValue {
  const text = request.rawBody.toString("utf8").slice(0, 64 * 1024);
  try {
    return { body: JSON.parse(text) as Prisma.InputJsonValue, query: Object.fromEntries(request.query.entries()) };
  } catch {
    return { query: Object.fromEntries(request.query.entries()) };
  }
}
