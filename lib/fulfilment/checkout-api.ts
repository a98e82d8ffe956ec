import { notFound } from "@/lib/http/errors";
import { parseJsonBody } from "@/lib/http/body";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";
import { getCheckoutView } from "./checkout-view";
import { saveCheckoutDetails } from "./checkout-details";
import { checkoutDetailsInput } from "./schemas";

/** The order behind the buyer's link; a wrong token, or none, answers 404 like a missing order. */
async function orderFor(orderId: string, url: string) {
  const order = await loadCheckoutOrder({ orderId, token: new URL(url).searchParams.get("t") });
  if (!order) throw notFound("Order");
  return order;
}

/** GET /api/v1/checkout/{id}?t= */
export async function readCheckout({ orderId, url }: { orderId: string; url: string }) {
  return getCheckoutView(await orderFor(orderId, url));
}

/** PUT /api/v1/checkout/{id}/details?t= : saves the buyer's details and answers the recomputed checkout. */
export async function putCheckoutDetails({ orderId, url, req }: { orderId: string; url: string; req: Request }) {
  const order = await orderFor(orderId, url);
  const input = await parseJsonBody(req, checkoutDetailsInput);
  await saveCheckoutDetails({ order, input });
  return getCheckoutView((await loadCheckoutOrder({ orderId, token: order.checkoutToken }))!);
}
