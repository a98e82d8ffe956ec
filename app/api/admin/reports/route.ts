import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { createReport, listReports } from "@/lib/admin/reports";
import { reportCreateInput } from "@/lib/admin/schemas";

export const GET = adminRoute(async () => json(await listReports()));

export const POST = adminRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, reportCreateInput);
  return json(await createReport({ ...input, actorId: user.id }), 202);
});
