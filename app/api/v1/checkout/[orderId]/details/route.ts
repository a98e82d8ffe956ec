import { publicRoute, json } from "@/lib/http/route";
import { putCheckoutDetails } from "@/lib/fulfilment/checkout-api";

export const dynamic = "force-dynamic";

/** The buyer's name, phone, email, delivery method and address: 200 with the recomputed totals, 422 naming each bad field. */
export const PUT = publicRoute(async ({ req, params }) => json(await putCheckoutDetails({ orderId: params.orderId!, url: req.url, req }), 200, { "Cache-Control": "no-store" }));
