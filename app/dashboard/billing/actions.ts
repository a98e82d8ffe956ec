"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/current-user";
import { toErrorResponse, unauthorized } from "@/lib/http/errors";
import { requireStoreAccess } from "@/lib/stores/access";
import { setPaymentMethod } from "@/lib/billing/collect/set-payment-method";

/** The owner chooses bank transfer (the same function and tenancy as PUT /api/v1/stores/{id}/billing/payment-method). */
export async function chooseBankTransferAction(storeId: string) {
  let target = "/dashboard/billing?ok=1";
  try {
    const user = await getSessionUser();
    if (!user) throw unauthorized();
    await requireStoreAccess(user, storeId, ["OWNER"]);
    await setPaymentMethod({ storeId, method: "transfer", actorId: user.id });
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    target = `/dashboard/billing?error=${encodeURIComponent(JSON.stringify({ status, ...body.error }))}`;
  }
  revalidatePath("/dashboard/billing");
  redirect(target);
}
