import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { AppError, unprocessable } from "@/lib/http/errors";
import { minorToMajor } from "@/lib/money";
import { listCheckoutMethods } from "@/lib/payments/checkout-methods";
import { createPaymentLink } from "@/lib/payments/create-payment-link";
import { PaymentProviderError } from "@/lib/payments/gateways/errors";
import type { PaymentRuntime } from "@/lib/payments/payment-runtime";
import { checkoutUrl } from "./checkout-url";
import type { orderCreateInput, orderCreateOutput } from "./order-schemas";
import { outOfStockError, reserveItems } from "./reserve";

/**
 * POST /api/v1/orders/create: reserves the items for a Facebook buyer and returns where they pay.
 * Everything is validated before anything is written (unknown SKU, gateway not offered → 422); no stock
 * → 400 out_of_stock naming the SKU, with nothing reserved. With an Idempotency-Key a retried call
 * returns the first order. `payment_url` is the provider's page when the gateway could open a link right
 * away, else our checkout page (which offers every enabled method).
 */
export async function createOrderFromApi({
  input,
  actorId,
  idempotencyKey,
  runtime,
}: {
  input: z.output<typeof orderCreateInput>;
  actorId: string;
  idempotencyKey?: string | null;
  runtime: PaymentRuntime;
}): Promise<z.infer<typeof orderCreateOutput>> {
  const store = await prisma.store.findUniqueOrThrow({ where: { id: input.store_id }, select: { id: true, currency: true, fbPageId: true } });

  if (input.gateway) {
    const { methods } = await listCheckoutMethods({ storeId: store.id, currency: store.currency, runtime });
    if (!methods.some((m) => m.provider === input.gateway)) {
      throw unprocessable(`gateway: ${input.gateway} is not enabled for this store`, [{ field: "gateway", code: "not_enabled", message: "is not enabled for this store" }]);
    }
  }

  const quantities = new Map<string, number>();
  for (const item of input.items) quantities.set(item.sku, (quantities.get(item.sku) ?? 0) + item.qty);
  const products = await prisma.product.findMany({ where: { storeId: store.id, sku: { in: [...quantities.keys()] }, deletedAt: null }, select: { id: true, sku: true, active: true } });
  const unknown = input.items.map((item, index) => ({ item, index })).filter(({ item }) => !products.some((p) => p.sku === item.sku && p.active));
  if (unknown.length) {
    throw unprocessable(
      `Unknown SKU: ${unknown.map((u) => u.item.sku).join(", ")}`,
      unknown.map((u) => ({ field: `items.${u.index}.sku`, message: `no active product with SKU ${u.item.sku} in this store` })),
    );
  }

  const buyer = await prisma.buyer.upsert({
    where: { storeId_authorId: { storeId: store.id, authorId: input.customer_fb_id } },
    update: input.customer_name ? { name: input.customer_name } : {},
    create: { storeId: store.id, pageId: store.fbPageId ?? "", authorId: input.customer_fb_id, name: input.customer_name ?? "", locale: input.locale ?? null },
  });

  const result = await reserveItems({
    storeId: store.id,
    buyerId: buyer.id,
    liveId: null,
    items: [...quantities.entries()].map(([sku, quantity]) => ({ productId: products.find((p) => p.sku === sku)!.id, quantity })),
    idempotencyKey: idempotencyKey ? `api:${store.id}:${idempotencyKey}` : `api:${randomUUID()}`,
    mergeIntoOpenCart: false,
    gateway: input.gateway ?? null,
    buyerLocale: input.locale ?? buyer.locale,
    actor: { type: "USER", id: actorId },
  });
  if (result.status === "out_of_stock") throw outOfStockError(result.sku, result.available);
  const order = result.order;

  const checkout = checkoutUrl(order);
  let paymentUrl = checkout;
  if (input.gateway && input.gateway !== "transfer") {
    try {
      paymentUrl = (await createPaymentLink({ orderId: order.id, provider: input.gateway, runtime, actor: { type: "USER", id: actorId } })).url;
    } catch (error) {
      // The order stands; the buyer picks or retries the method on our checkout page.
      if (!(error instanceof PaymentProviderError) && !(error instanceof AppError)) throw error;
    }
  }
  return {
    order_id: order.id,
    payment_url: paymentUrl,
    checkout_url: checkout,
    status: "pending",
    expires_at: order.expiresAt.toISOString(),
    total: minorToMajor(order.totalMinor, order.currency),
    total_minor: order.totalMinor,
    currency: order.currency,
  };
}
