import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { defineJob, routeJobEventsTo, type AnyJobDefinition } from "@/lib/jobs";
import { reserveItems } from "@/lib/orders/reserve";
import { createSandboxNotification, SANDBOX_SIGNATURE_HEADER } from "@/lib/payments/gateways/sandbox-signature";
import type { ProviderBaseUrls, ProviderId } from "@/lib/payments/gateways/types";
import { createPaymentBreaker } from "@/lib/payments/payment-breaker";
import { savePaymentConfig } from "@/lib/payments/payment-config";
import type { PaymentRuntime } from "@/lib/payments/payment-runtime";

// Shared set-up of the payments and orders integration suites (tests/payments-*.test.ts,
// tests/orders-*.test.ts). Never imported by application code.

/** Subscribes a no-op job to the payment and order events so the local driver records each one as a `jobs` row. */
export function captureJobEvents() {
  const functions = [
    defineJob({ id: "test-capture-paid", event: "payment/succeeded", retries: 0, handler: async () => null }),
    defineJob({ id: "test-capture-order-created", event: "order/created", retries: 0, handler: async () => null }),
  ] as unknown as readonly AnyJobDefinition[];
  routeJobEventsTo(functions);
}

export async function queuedEvents(name: "payment/succeeded" | "order/created", orderId?: string) {
  const rows = await prisma.job.findMany({ where: { eventName: name }, select: { payload: true, eventId: true } });
  return rows.filter((r) => !orderId || (r.payload as { data?: { orderId?: string } }).data?.orderId === orderId);
}

/** The runtime the app builds from the environment, pointed at the given fake providers, with every circuit closed. */
export function testRuntime(overrides: Partial<PaymentRuntime> & { baseUrls?: Partial<ProviderBaseUrls> } = {}): PaymentRuntime {
  const e = env();
  return {
    appUrl: e.APP_URL,
    sandboxSecret: e.SANDBOX_PAYMENTS_SECRET,
    sandboxByDefault: true,
    timeoutMs: 3_000,
    breaker: createPaymentBreaker(),
    ...overrides,
    baseUrls: { paypal: e.PAYPAL_API_URL, mercadopago: e.MERCADOPAGO_API_URL, flow: e.FLOW_API_URL, ...overrides.baseUrls },
  };
}

export async function configureProvider(args: { storeId: string; ownerId: string; provider: ProviderId; credentials?: Record<string, string>; enabled?: boolean }) {
  return savePaymentConfig({
    storeId: args.storeId,
    provider: args.provider,
    input: { enabled: args.enabled ?? true, credentials: args.credentials ?? {} },
    actorId: args.ownerId,
    sandboxByDefault: true,
    appUrl: env().APP_URL,
  });
}

/** A pending order of `quantity` units of one product, reserved exactly like the bot does. */
export async function pendingOrder({ storeId, productId, buyerId, quantity = 1, key }: { storeId: string; productId: string; buyerId: string | null; quantity?: number; key?: string }) {
  const r = await reserveItems({
    storeId,
    buyerId,
    liveId: null,
    items: [{ productId, quantity }],
    idempotencyKey: key ?? `test:${Math.random().toString(36).slice(2)}`,
    mergeIntoOpenCart: false,
    actor: { type: "SYSTEM" },
  });
  if (r.status !== "reserved") throw new Error(`expected a reservation, got ${r.status}`);
  return r.order;
}

/** Moves an order's deadline into the past (as if its 30 minutes ran out). */
export async function makeOverdue(orderId: string) {
  await prisma.$executeRaw`UPDATE orders SET "expiresAt" = now() - interval '1 second' WHERE id = ${orderId}`;
  await prisma.$executeRaw`UPDATE reservations SET "expiresAt" = now() - interval '1 second' WHERE "orderId" = ${orderId}`;
}

/** A signed sandbox notification as the sandbox pay page sends it, ready for `call()` on the webhook route. */
export function sandboxDelivery(args: { storeId?: string; orderId: string; amountMinor: number; currency: string; transactionId: string; event?: "payment_success" | "payment_failure"; secret?: string; now?: Date }) {
  const { body, signature } = createSandboxNotification({
    event: args.event ?? "payment_success",
    orderId: args.orderId,
    transactionId: args.transactionId,
    amountMinor: args.amountMinor,
    currency: args.currency,
    secret: args.secret ?? env().SANDBOX_PAYMENTS_SECRET,
    now: args.now,
  });
  return {
    path: `/api/webhooks/payments/sandbox${args.storeId ? `?store=${args.storeId}` : ""}`,
    params: { provider: "sandbox" },
    rawBody: body,
    headers: { "content-type": "application/json", [SANDBOX_SIGNATURE_HEADER]: signature },
  };
}

export async function productState(productId: string) {
  const p = await prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true, reserved: true } });
  return { ...p, available: p.stock - p.reserved };
}
