import type { NextRequest } from "next/server";
import { checkoutNotFound, checkoutPath, seeOther } from "@/lib/payments/checkout-links";
import { formString, languageCookie, readForm } from "@/lib/payments/checkout-form";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";
import { defaultUploadsRoot, RECEIPT_MAX_BYTES, ReceiptRejectedError } from "@/lib/payments/receipt-storage";
import { uploadTransferReceipt } from "@/lib/payments/upload-transfer-receipt";
import { detailsMissing } from "@/lib/fulfilment/checkout-details";

export const dynamic = "force-dynamic";

/** The buyer's bank-transfer receipt (multipart): the reservation is held while the seller checks it, then confirms or rejects it. */
export async function POST(req: NextRequest, { params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  // Refuse oversized uploads before buffering them (the multipart envelope adds a little on top of the file).
  if (Number(req.headers.get("content-length") ?? 0) > RECEIPT_MAX_BYTES + 64 * 1024) return checkoutNotFoundOrTooLarge(req, orderId);
  const form = await readForm(req);
  const token = formString(form, "t");
  const order = await loadCheckoutOrder({ orderId, token });
  if (!order || !token) return checkoutNotFound();
  const lang = formString(form, "lang");
  const back = (receipt: string) => seeOther(`${checkoutPath({ orderId, token, lang, params: { receipt } })}#bank-transfer`, languageCookie(lang));
  if (order.status !== "PENDING" && order.status !== "EXPIRED") return seeOther(checkoutPath({ orderId, token, lang }));
  if (order.status === "PENDING" && (await detailsMissing(order))) return seeOther(`${checkoutPath({ orderId, token, lang, params: { error: "details" } })}#delivery-details`, languageCookie(lang));
  const file = form?.get("receipt");
  if (!(file instanceof Blob)) return back("rejected");
  try {
    const result = await uploadTransferReceipt({ order, bytes: Buffer.from(await file.arrayBuffer()), root: defaultUploadsRoot() });
    return result.accepted ? back("ok") : seeOther(checkoutPath({ orderId, token, lang }));
  } catch (error) {
    if (error instanceof ReceiptRejectedError) return back("rejected");
    throw error;
  }
}

/** Too large to read: the token is in the (unread) body, so only a bare answer can be given. */
function checkoutNotFoundOrTooLarge(req: NextRequest, orderId: string) {
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
