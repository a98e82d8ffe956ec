import { sellerRoute } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { LOCALE_COOKIE, isUiLocale, localeFromAcceptLanguage, type UiLocale } from "@/lib/i18n";
import { defaultStoreId, requireStoreAccess } from "@/lib/stores/access";
import { storeLocale } from "@/lib/stores/store-locale";
import { buyerExportQuery } from "@/lib/buyers/schemas";
import { exportBuyersCsv } from "@/lib/buyers/export-buyers-csv";

export const dynamic = "force-dynamic";

/** The filtered buyers as a CSV download, in the dashboard's language. */
export const GET = sellerRoute(async ({ req, user }) => {
  const query = parseQuery(req.url, buyerExportQuery);
  const storeId = query.store_id ?? (await defaultStoreId(user.id));
  if (!storeId) throw notFound("Store");
  await requireStoreAccess(user, storeId);
  const store = await storeLocale(storeId);
  const cookie = req.cookies.get(LOCALE_COOKIE)?.value;
  const locale: UiLocale = query.lang ?? (isUiLocale(cookie) ? cookie : null) ?? localeFromAcceptLanguage(req.headers.get("accept-language")) ?? "es";
  const csv = await exportBuyersCsv({ storeId, segment: query.segment, q: query.q, locale, currency: store.currency });
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="buyers.csv"', "cache-control": "no-store" } });
});
