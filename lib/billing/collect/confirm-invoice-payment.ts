import { prisma } from "@/lib/db";
import { conflict, notFound } from "@/lib/http/errors";
import { settleInvoice } from "./settle-invoice";

/** A superadmin confirms that a bank transfer paid an open invoice: the same settlement as a successful charge. */
export async function confirmInvoicePayment({ invoiceId, reference, actorId }: { invoiceId: string; reference: string; actorId: string }) {
  const invoice = await prisma.invoice.findUnique({ where: { id: invoiceId }, select: { status: true } });
  if (!invoice) throw notFound("Invoice");
  if (invoice.status !== "open") throw conflict("invoice_not_open", `This invoice is ${invoice.status}; only an open invoice can be paid.`);
  await settleInvoice({ invoiceId, ref: JSON.stringify({ transfer: reference }), actor: { actorType: "USER", actorId } });
  return prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { id: true, number: true, status: true, paidAt: true } });
}
