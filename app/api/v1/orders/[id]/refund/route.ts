import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { refundInput } from "@/lib/orders/order-schemas";
import { refundOrder } from "@/lib/orders/refund-order";
import { optionalJson } from "@/lib/orders/optional-json";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";

export const dynamic = "force-dynamic";

/** Refunds the order's payments through their providers. OWNER only: it moves money. */
export const POST = sellerRoute(async ({ req, user, params, ip }) => {
  const order = await requireOrderAccess(user, params.id!, ["OWNER"]);
  const input = await optionalJson(req, refundInput);
  await refundOrder({ orderId: order.id, storeId: order.storeId, actorId: user.id, restock: input.restock, reason: input.reason, runtime: paymentRuntimeFromEnv(), ip });
  return json(await getOrderDetail(order.id));
});
