import { env } from "@/lib/env";

/** The buyer's unique link: the order id plus its unguessable checkout token. */
export function checkoutUrl(order: { id: string; checkoutToken: string }) {
  return `${env().APP_URL}/checkout/${order.id}?t=${encodeURIComponent(order.checkoutToken)}`;
}
