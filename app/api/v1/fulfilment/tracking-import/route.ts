import { sellerRoute, json } from "@/lib/http/route";
import { CSV_LIMIT_BYTES, parseQuery, readRawBody } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { importTrackingCsv } from "@/lib/fulfilment/import-tracking-csv";
import { decodeCsv, storeQuery } from "@/lib/fulfilment/fulfilment-queries";

export const dynamic = "force-dynamic";

/** Bulk ship from a CSV `order,carrier,tracking`: all lines valid or nothing shipped (422 with each bad line). STAFF may. */
export const POST = sellerRoute(async ({ req, user, ip }) => {
  const q = parseQuery(req.url, storeQuery);
  await requireStoreAccess(user, q.store_id);
  const result = await importTrackingCsv({ storeId: q.store_id, csv: decodeCsv(await readRawBody(req, CSV_LIMIT_BYTES)), actorId: user.id, ip });
  if (result.errors.length) {
    const first = result.errors[0]!;
    return json({ ...result, error: { code: "invalid_csv", message: `The file has ${result.errors.length} invalid line(s); nothing was shipped. Line ${first.line}: ${first.message}`, details: result.errors } }, 422);
  }
  return json(result);
});
