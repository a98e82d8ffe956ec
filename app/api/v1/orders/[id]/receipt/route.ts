import { sellerRoute } from "@/lib/http/route";
import { notFound } from "@/lib/http/errors";
import { requireOrderAccess } from "@/lib/orders/order-access";
import { defaultUploadsRoot, readReceiptFile } from "@/lib/payments/receipt-storage";
import { latestReceiptPath } from "@/lib/payments/latest-receipt";

export const dynamic = "force-dynamic";

/** The latest transfer receipt the buyer uploaded, for the seller to check before confirming. */
export const GET = sellerRoute(async ({ user, params }) => {
  const order = await requireOrderAccess(user, params.id!);
  const path = await latestReceiptPath(order.id);
  if (!path) throw notFound("Receipt");
  const file = await readReceiptFile({ root: defaultUploadsRoot(), path });
  return new Response(new Uint8Array(file.bytes), {
    headers: { "content-type": file.contentType, "content-disposition": "inline", "cache-control": "private, no-store", "x-content-type-options": "nosniff" },
  });
});
