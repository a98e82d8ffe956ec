import { sellerRoute } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { storeLocale } from "@/lib/stores/store-locale";
import { LOCALE_COOKIE, isUiLocale, localeFromAcceptLanguage, type UiLocale } from "@/lib/i18n";
import { defaultStoreId, requireStoreAccess } from "@/lib/stores/access";
import { exportOrdersCsv } from "@/lib/orders/export-orders-csv";
import { orderExportQuery } from "@/lib/orders/order-schemas";

export const dynamic = "force-dynamic";

/** The filtered orders as a CSV download (text/csv, streamed), in the dashboard's language. */
export const GET = sellerRoute(async ({ req, user }) => {
  const query = parseQuery(req.url, orderExportQuery);
  const storeId = query.store_id ?? (await defaultStoreId(user.id));
  if (!storeId) throw notFound("Store");
  await requireStoreAccess(user, storeId);
  const store = await storeLocale(storeId);
  const cookie = req.cookies.get(LOCALE_COOKIE)?.value;
  const storeLang = store.locale.slice(0, 2).toLowerCase();
  const locale: UiLocale = query.lang ?? (isUiLocale(cookie) ? cookie : null) ?? localeFromAcceptLanguage(req.headers.get("accept-language")) ?? (isUiLocale(storeLang) ? storeLang : "es");

  const chunks = exportOrdersCsv({ filter: { storeId, statuses: query.status, fulfillment: query.fulfillment, q: query.q }, locale, timeZone: store.timezone });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: store.timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
