import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { confirmInvoicePaymentInput } from "@/lib/billing/collect/schemas";
import { confirmInvoicePayment } from "@/lib/billing/collect/confirm-invoice-payment";

/** A superadmin confirms the bank transfer that paid an invoice. */
export const POST = adminRoute(async ({ req, user, params }) => {
  const input = await parseJsonBody(req, confirmInvoicePaymentInput);
  return json(await confirmInvoicePayment({ invoiceId: params.id!, reference: input.reference, actorId: user.id }));
});
