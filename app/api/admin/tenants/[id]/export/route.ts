import { adminRoute } from "@/lib/http/route";
import { exportTenant } from "@/lib/admin/close-tenant";

/** Everything the platform keeps of a tenant, as a JSON download. */
export const GET = adminRoute(async ({ params }) => {
  const data = await exportTenant({ storeId: params.id! });
  return new Response(JSON.stringify(data, null, 2), { headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="tenant-${data.store.id}.json"`, "cache-control": "no-store" } });
});
