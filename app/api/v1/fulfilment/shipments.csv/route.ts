import { sellerRoute } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { buildShipmentsCsv } from "@/lib/fulfilment/shipments-csv";
import { storeQuery } from "@/lib/fulfilment/fulfilment-queries";

export const dynamic = "force-dynamic";

/** The parcels to ship as a CSV for a courier's bulk upload (text/csv). */
export const GET = sellerRoute(async ({ req, user }) => {
  const q = parseQuery(req.url, storeQuery);
  await requireStoreAccess(user, q.store_id);
  return new Response(await buildShipmentsCsv({ storeId: q.store_id }), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="shipments.csv"`, "cache-control": "no-store" },
  });
});
