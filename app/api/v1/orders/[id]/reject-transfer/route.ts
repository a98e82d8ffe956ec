import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { getOrderDetail } from "@/lib/orders/order-timeline";
import { rejectTransfer, rejectTransferInput } from "@/lib/payments/reject-transfer";

export const dynamic = "force-dynamic";

/** The receipt does not match a transfer: the buyer is told why and may upload another one. OWNER only. */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const order = await requireOrderAccess(user, params.id!, ["OWNER"]);
  const input = await parseJsonBody(req, rejectTransferInput);
  await rejectTransfer({ orderId: order.id, storeId: order.storeId, actorId: user.id, reason: input.reason });
  return json(await getOrderDetail(order.id));
});
