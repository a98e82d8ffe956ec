import { reserveAgain } from "@/lib/orders/reserve-again";
import { checkoutTokenOf } from "@/lib/orders/checkout-token-of";
import { checkoutPath, seeOther } from "@/lib/payments/checkout-links";
import { languageCookie } from "@/lib/payments/checkout-form";
import { checkoutRoute } from "@/lib/payments/checkout-route";

export const dynamic = "force-dynamic";

/** One tap on an expired cart: a new reservation and a new checkout link, or back to the cart if sold out. */
export const POST = checkoutRoute(async ({ orderId, lang, back }) => {
  const result = await reserveAgain({ orderId });
  if (result.status !== "reserved") return back();
  return seeOther(checkoutPath({ orderId: result.orderId, token: await checkoutTokenOf(result.orderId), lang }), languageCookie(lang));
});
