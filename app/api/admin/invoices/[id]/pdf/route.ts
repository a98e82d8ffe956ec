import { adminRoute } from "@/lib/http/route";
import { invoiceLocale, pdfResponse, renderInvoicePdf } from "@/lib/billing/invoice-pdf";

/** Any tenant's invoice as a PDF, for the operator. */
export const GET = adminRoute(async ({ req, user, params }) => pdfResponse(await renderInvoicePdf({ invoiceId: params.id!, locale: invoiceLocale(req.url, user.locale) })));
