import type { NextRequest } from "next/server";
import { checkoutPath, seeOther } from "@/lib/payments/checkout-links";
import { checkoutRoute } from "@/lib/payments/checkout-route";
import { defaultUploadsRoot, RECEIPT_MAX_BYTES } from "@/lib/payments/receipt-storage";
import { uploadTransferReceipt } from "@/lib/payments/upload-transfer-receipt";
import { detailsMissing } from "@/lib/fulfilment/checkout-details";

export const dynamic = "force-dynamic";

/** The buyer's bank-transfer receipt (multipart): the reservation is held while the seller checks it, then confirms or rejects it. */
export const POST = checkoutRoute(
  async ({ order, form, back }) => {
    if (order.status !== "PENDING" && order.status !== "EXPIRED") return back();
    if (order.status === "PENDING" && (await detailsMissing(order))) return back({ error: "details" }, "delivery-details");
    const file = form?.get("receipt");
    if (!(file instanceof Blob)) return back({ receipt: "rejected" }, "bank-transfer");
    const result = await uploadTransferReceipt({ order, bytes: Buffer.from(await file.arrayBuffer()), root: defaultUploadsRoot() });
    if (result.accepted) return back({ receipt: "ok" }, "bank-transfer");
    return "rejected" in result ? back({ receipt: "rejected" }, "bank-transfer") : back();
  },
  // Refuse oversized uploads before buffering them (the multipart envelope adds a little on top of the file).
  { maxBodyBytes: RECEIPT_MAX_BYTES + 64 * 1024, tooLarge: receiptTooLarge },
);

/** Too large to read: the token is in the (unread) body, so only a bare answer can be given. */
function receiptTooLarge(req: NextRequest, orderId: string) {
  const referer = req.headers.get("referer");
  try {
    const url = referer ? new URL(referer) : null;
    const token = url?.searchParams.get("t");
    if (url && token && url.pathname === `/checkout/${orderId}`) return seeOther(`${checkoutPath({ orderId, token, lang: url.searchParams.get("lang"), params: { receipt: "rejected" } })}#bank-transfer`);
  } catch {
    // fall through
  }
  return new Response("Payload too large", { status: 413 });
}
