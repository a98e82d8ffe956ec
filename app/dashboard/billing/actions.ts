"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/current-user";
import { toErrorResponse, unauthorized } from "@/lib/http/errors";
import { env } from "@/lib/env";
import { requireStoreAccess } from "@/lib/stores/access";
import { setPaymentMethod } from "@/lib/billing/collect/set-payment-method";
import { startPaymentMethodSetup } from "@/lib/billing/collect/setup-payment-method";
import { changePlan } from "@/lib/billing/change-plan";

// The owner's billing forms: the same functions and tenancy as /api/v1/stores/{id}/billing/* and /plan.
// Each redirects back with ?ok=1 or ?error=<API error JSON> (or, to set up a method, to the provider).

async function owner(storeId: string) {
  const user = await getSessionUser();
  if (!user) throw unauthorized();
  await requireStoreAccess(user, storeId, ["OWNER"]);
  return user;
}

async function run(fn: () => Promise<string | void>) {
  let target = "/dashboard/billing?ok=1";
  try {
    target = (await fn()) ?? target;
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    target = `/dashboard/billing?error=${encodeURIComponent(JSON.stringify({ status, ...body.error }))}`;
  }
  revalidatePath("/dashboard/billing");
  redirect(target);
}

/** The owner chooses bank transfer. */
export async function chooseBankTransferAction(storeId: string) {
  await run(async () => {
    const user = await owner(storeId);
    await setPaymentMethod({ storeId, method: "transfer", actorId: user.id });
  });
}

/** The owner saves PayPal or subscribes with Mercado Pago: off to the provider's approval page. */
export async function startPaymentSetupAction(storeId: string, method: "paypal" | "mercadopago") {
  await run(async () => {
    const user = await owner(storeId);
    const started = await startPaymentMethodSetup({ storeId, method, payerEmail: user.email, appUrl: env().APP_URL, actorId: user.id });
    return started.approve_url;
  });
}

/** The owner confirms the plan change they were quoted (choosing the current plan cancels a scheduled downgrade). */
export async function changePlanAction(storeId: string, planCode: string) {
  await run(async () => {
    const user = await owner(storeId);
    await changePlan({ storeId, planCode, actorId: user.id });
  });
}
