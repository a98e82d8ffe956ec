import { prisma } from "@/lib/db";
import { sellerRoute } from "@/lib/http/route";
import { notFound } from "@/lib/http/errors";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { defaultUploadsRoot, readReceiptFile } from "@/lib/payments/receipt-storage";

export const dynamic = "force-dynamic";

/** The latest transfer receipt the buyer uploaded, for the seller to check before confirming. */
export const GET = sellerRoute(async ({ user, params }) => {
  const order = await requireOrderAccess(user, params.id!);
  const payment = await prisma.payment.findFirst({ where: { orderId: order.id, receiptPath: { not: null } }, orderBy: { updatedAt: "desc" }, select: { receiptPath: true } });
  if (!payment?.receiptPath) throw notFound("Receipt");
  const file = await readReceiptFile({ root: defaultUploadsRoot(), path: payment.receiptPath });
  return new Response(new Uint8Array(file.bytes), {
    headers: { "content-type": file.contentType, "content-disposition": "inline", "cache-control": "private, no-store", "x-content-type-options": "nosniff" },
  });
});
