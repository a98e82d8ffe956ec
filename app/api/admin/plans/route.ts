import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { createPlan, listPlans } from "@/lib/admin/plans";
import { planCreateInput } from "@/lib/admin/schemas";

export const GET = adminRoute(async () => json(await listPlans()));

export const POST = adminRoute(async ({ req, user }) => json(await createPlan({ input: await parseJsonBody(req, planCreateInput), actorId: user.id }), 201));
