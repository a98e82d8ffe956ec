import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { updatePlan } from "@/lib/admin/plans";
import { planUpdateInput } from "@/lib/admin/schemas";

export const PATCH = adminRoute(async ({ req, user, params }) => json(await updatePlan({ planId: params.id!, input: await parseJsonBody(req, planUpdateInput), actorId: user.id })));
