import { adminRoute, json } from "@/lib/http/route";
import { getReport } from "@/lib/admin/reports";

export const GET = adminRoute(async ({ params }) => json(await getReport(params.id!)));
