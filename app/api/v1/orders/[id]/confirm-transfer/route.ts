import { sellerRoute, json } from "@/lib/http/route";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { confirmTransfer } from "@/lib/payments/confirm-transfer";

export const dynamic = "force-dynamic";

/** The seller received the bank transfer (or verified the uploaded receipt): the order is paid. OWNER only. */
export const POST = sellerRoute(async ({ user, params }) => {
  const order = await requireOrderAccess(user, params.id!, ["OWNER"]);
  const result = await confirmTransfer({ orderId: order.id, storeId: order.storeId, actorId: user.id });
  return json({ outcome: result.outcome, ...(await getOrderDetail(order.id)) });
});
