import type { NextRequest } from "next/server";
import { reserveAgain } from "@/lib/orders/reserve-again";
import { checkoutTokenOf } from "@/lib/orders/checkout-token-of";
import { checkoutNotFound, checkoutPath, seeOther } from "@/lib/payments/checkout-links";
import { formString, languageCookie, readForm } from "@/lib/payments/checkout-form";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";

export const dynamic = "force-dynamic";

/** One tap on an expired cart: a new reservation and a new checkout link, or back to the cart if sold out. */
export async function POST(req: NextRequest, { params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const form = await readForm(req);
  const token = formString(form, "t");
  const order = await loadCheckoutOrder({ orderId, token });
  if (!order || !token) return checkoutNotFound();
  const lang = formString(form, "lang");
  const result = await reserveAgain({ orderId });
  if (result.status !== "reserved") return seeOther(checkoutPath({ orderId, token, lang }), languageCookie(lang));
  return seeOther(checkoutPath({ orderId: result.orderId, token: await checkoutTokenOf(result.orderId), lang }), languageCookie(lang));
}
