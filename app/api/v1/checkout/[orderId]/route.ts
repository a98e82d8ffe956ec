import { publicRoute, json } from "@/lib/http/route";
import { readCheckout } from "@/lib/fulfilment/checkout-api";

export const dynamic = "force-dynamic";

/** The buyer's checkout as JSON (the page uses it): cart, shipping, total, delivery methods, saved details. */
export const GET = publicRoute(async ({ req, params }) => json(await readCheckout({ orderId: params.orderId!, url: req.url }), 200, { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" }));
