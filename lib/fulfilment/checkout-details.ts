import { prisma, type Prisma } from "@/lib/db";
import { conflict, invalidFields, type FieldIssue } from "@/lib/http/errors";
import type { CheckoutOrder } from "@/lib/payments/checkout-order";
import { addressKeyOf, normalizeAddress, zonesServe } from "./address";
import { normalizePhone } from "./normalize-phone";
import { quoteShipping } from "./quote-shipping";
import { NEEDS_ADDRESS, type Address, type CheckoutDetailsInput, type DeliveryType } from "./schemas";

type Tx = Prisma.TransactionClient;

/**
 * The buyer's contact, delivery method and address for a pending order (PUT /api/v1/checkout/{id}/details):
 * validated for the store's country (phone length, postal code, zones the method serves), saved, and the
 * order's shipping fee and total recomputed. 422 names every bad field; nothing changes then.
 */
export async function saveCheckoutDetails({ order, input }: { order: Pick<CheckoutOrder, "id" | "storeId" | "buyerId" | "status" | "expiresAt" | "store">; input: CheckoutDetailsInput }) {
  if (order.status !== "PENDING") throw conflict("order_not_editable", `Order is ${order.status.toLowerCase()}: its delivery details can no longer change`);
  const country = order.store.country;
  const issues: FieldIssue[] = [];
  const phone = normalizePhone({ phone: input.phone, country });
  if (!phone.ok) issues.push({ field: "phone", code: phone.code, params: phone.params, message: `must be a phone number with its country code, like ${phone.params.example}` });
  const method = await prisma.deliveryMethod.findFirst({ where: { id: input.delivery_method_id, storeId: order.storeId, deletedAt: null, active: true } });
  if (!method) issues.push({ field: "delivery_method_id", code: "not_found", message: "is not a delivery method this store offers" });
  let address: Address | null = null;
  const needsAddress = method ? NEEDS_ADDRESS.includes(method.type as DeliveryType) : Boolean(input.address);
  if (needsAddress) {
    if (!input.address) issues.push({ field: "address", code: "required", message: "is required for delivery and shipping" });
    else {
      const normal = normalizeAddress(input.address, country);
      issues.push(...normal.issues);
      address = normal.address;
      if (method && normal.issues.length === 0 && !zonesServe(method.zones, address, country)) {
        issues.push({ field: "delivery_method_id", code: "zone_not_served", message: "does not deliver to this address" });
      }
    }
  }
  if (issues.length || !method || !phone.ok) throw invalidFields(issues);

  await prisma.$transaction(async (tx) => {
    await lockBuyerDeliveries(tx, order.storeId, order.buyerId ?? order.id);
    const [row] = await tx.$queryRaw<{ status: string; subtotalMinor: number; combineWindowHours: number }[]>`
      SELECT o.status, o."subtotalMinor", s."combineWindowHours" FROM orders o JOIN stores s ON s.id = o."storeId" WHERE o.id = ${order.id} FOR UPDATE OF o`;
    if (row?.status !== "PENDING") throw conflict("order_not_editable", "Order is no longer pending: its delivery details can no longer change");
    const addressKey = address ? addressKeyOf(address) : `${method.type}:${method.id}`;
    const quote = await quoteShipping(tx, { orderId: order.id, storeId: order.storeId, buyerId: order.buyerId, subtotalMinor: row.subtotalMinor, method, addressKey, combineWindowHours: row.combineWindowHours });
    const data = {
      storeId: order.storeId,
      buyerId: order.buyerId,
      contactName: input.name,
      contactPhone: phone.e164,
      contactEmail: input.email ?? null,
      methodId: method.id,
      methodType: method.type,
      methodName: method.name,
      methodFeeMinor: method.feeMinor,
      addressKey,
      coveredByOrderId: quote.coveredByOrderId,
    };
    const json = address ? { address: address as Prisma.InputJsonValue } : {};
    await tx.orderDelivery.upsert({ where: { orderId: order.id }, create: { orderId: order.id, ...data, ...json }, update: { ...data, ...json } });
    // A pickup chosen after a delivery keeps no stale address.
    if (!address) await tx.$executeRaw`UPDATE order_deliveries SET address = NULL WHERE "orderId" = ${order.id}`;
    await setShipping(tx, order.id, quote.shippingMinor);
  });
}

/** One buyer's checkout details are computed one at a time, so two carts can't both open a combined group. */
async function lockBuyerDeliveries(tx: Tx, storeId: string, buyerKey: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`order-delivery:${storeId}:${buyerKey}`}))`;
}

/** totalMinor is always subtotal + shipping (a trigger keeps it so while shipping ≠ 0; set here for the 0 case). */
async function setShipping(tx: Tx, orderId: string, shippingMinor: number) {
  await tx.$executeRaw`UPDATE orders SET "shippingMinor" = ${shippingMinor}, "totalMinor" = "subtotalMinor" + ${shippingMinor}, "updatedAt" = now()
                        WHERE id = ${orderId} AND ("shippingMinor" <> ${shippingMinor} OR "totalMinor" <> "subtotalMinor" + ${shippingMinor})`;
}

/**
 * Recomputes a pending order's fee before it is shown or charged: the cart, the method's fee or the group
 * it joined may have changed since the buyer chose (a later comment added an item, the first order shipped).
 * A pending order without details keeps shipping 0.
 */
export async function refreshOrderShipping(orderId: string) {
  await prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ storeId: string; buyerId: string | null; status: string; subtotalMinor: number; shippingMinor: number; combineWindowHours: number; methodId: string | null; addressKey: string | null; coveredByOrderId: string | null }[]>`
      SELECT o."storeId", o."buyerId", o.status, o."subtotalMinor", o."shippingMinor", s."combineWindowHours", d."methodId", d."addressKey", d."coveredByOrderId"
        FROM orders o JOIN stores s ON s.id = o."storeId" JOIN order_deliveries d ON d."orderId" = o.id
       WHERE o.id = ${orderId}`;
    if (!row || row.status !== "PENDING" || !row.methodId) return;
    const method = await tx.deliveryMethod.findUnique({ where: { id: row.methodId } });
    if (!method) return;
    await lockBuyerDeliveries(tx, row.storeId, row.buyerId ?? orderId);
    const quote = await quoteShipping(tx, { orderId, storeId: row.storeId, buyerId: row.buyerId, subtotalMinor: row.subtotalMinor, method, addressKey: row.addressKey, combineWindowHours: row.combineWindowHours });
    if (quote.coveredByOrderId !== row.coveredByOrderId) await tx.orderDelivery.update({ where: { orderId }, data: { coveredByOrderId: quote.coveredByOrderId } });
    await setShipping(tx, orderId, quote.shippingMinor);
  });
}

/**
 * Paying needs the delivery details once the store offers delivery methods: 422 naming the first missing
 * field. A store with no method configured checks out as before (no details, shipping 0).
 */
export async function assertReadyToPay(order: { id: string; storeId: string }) {
  const offered = await prisma.deliveryMethod.count({ where: { storeId: order.storeId, deletedAt: null, active: true } });
  if (offered === 0) return;
  const details = await prisma.orderDelivery.findUnique({ where: { orderId: order.id }, select: { methodId: true } });
  if (!details) {
    throw invalidFields([
      { field: "delivery_method_id", code: "required", message: "choose how to receive the order before paying" },
    ]);
  }
  await refreshOrderShipping(order.id);
}

/** Whether the buyer still has to give her delivery details before any payment method can start. */
export async function detailsMissing(order: { id: string; storeId: string }): Promise<boolean> {
  try {
    await assertReadyToPay(order);
    return false;
  } catch (error) {
    if ((error as { status?: number }).status === 422) return true;
    throw error;
  }
}
