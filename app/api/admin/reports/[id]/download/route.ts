import { adminRoute } from "@/lib/http/route";
import { reportCsv } from "@/lib/admin/reports";

export const GET = adminRoute(async ({ params }) => {
  const { csv, filename } = await reportCsv(params.id!);
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" } });
});
