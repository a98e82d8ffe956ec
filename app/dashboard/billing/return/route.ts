import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { getSessionUser } from "@/lib/auth/current-user";
import { toErrorResponse } from "@/lib/http/errors";
import { requireStoreAccess } from "@/lib/stores/access";
import { completePaymentMethodSetup, storeOfPendingSetup } from "@/lib/billing/collect/setup-payment-method";

/**
 * PayPal (approval_token_id) or Mercado Pago (preapproval_id) sends the owner back here after approving
 * the payment method for the platform's invoices: save it, then show the billing page with the outcome.
 */
export async function GET(req: NextRequest) {
  const e = env();
  const back = (q: string) => NextResponse.redirect(new URL(`/dashboard/billing?${q}`, e.APP_URL), 303);
  const user = await getSessionUser();
  if (!user) return NextResponse.redirect(new URL("/login", e.APP_URL), 303);
  const params = req.nextUrl.searchParams;
  const provider = params.get("provider");
  const token = provider === "paypal" ? params.get("approval_token_id") : provider === "mercadopago" ? params.get("preapproval_id") : null;
  if ((provider !== "paypal" && provider !== "mercadopago") || !token || token.length > 100) return back("setup=cancelled");
  try {
    const storeId = await storeOfPendingSetup(token);
    if (!storeId) return back("setup=cancelled");
    await requireStoreAccess(user, storeId, ["OWNER"]);
    await completePaymentMethodSetup({ storeId, provider, token, actor: { actorType: "USER", actorId: user.id } });
    return back("ok=1");
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return back(`error=${encodeURIComponent(JSON.stringify({ status, ...body.error }))}`);
  }
}
