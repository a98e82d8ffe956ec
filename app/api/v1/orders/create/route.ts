import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { createOrderFromApi } from "@/lib/orders/create-order";
import { orderCreateInput } from "@/lib/orders/order-schemas";
import { paymentRuntimeFromEnv } from "@/lib/payments/payment-runtime";

export const dynamic = "force-dynamic";

/** CONTRACT §3: {store_id, customer_fb_id, items:[{sku,qty}], gateway} → 201 {order_id, payment_url, status:"pending", expires_at}. */
export const POST = sellerRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, orderCreateInput);
  await requireStoreAccess(user, input.store_id);
  const key = req.headers.get("idempotency-key")?.trim().slice(0, 200) || null;
  return json(await createOrderFromApi({ input, actorId: user.id, idempotencyKey: key, runtime: paymentRuntimeFromEnv() }), 201);
});
