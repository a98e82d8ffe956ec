import { sellerRoute } from "@/lib/http/route";
import { requireStoreAccess } from "@/lib/stores/access";
import { invoiceLocale, pdfResponse, renderInvoicePdf } from "@/lib/billing/invoice-pdf";

/** An issued invoice of the store as a PDF (OWNER). Another store's invoice is not found. */
export const GET = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  return pdfResponse(await renderInvoicePdf({ invoiceId: params.invoiceId!, storeId, locale: invoiceLocale(req.url, user.locale) }));
});
