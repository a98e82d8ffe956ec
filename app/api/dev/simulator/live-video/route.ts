import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { requireStoreAccess } from "@/lib/stores/access";
import { simulateLiveVideo, simulatorEnabled } from "@/lib/simulator/simulator";

/** Embedded default only: a live video on the simulator Page, for the live-video picker. */
export const POST = sellerRoute(async ({ req, user }) => {
  if (!simulatorEnabled()) throw notFound("Simulator");
  const input = await parseJsonBody(req, z.object({ store_id: z.string().min(1, "is required"), title: z.string().trim().min(1, "is required").max(200), status: z.enum(["live", "scheduled"]).default("live") }));
  await requireStoreAccess(user, input.store_id, ["OWNER"]);
  return json(await simulateLiveVideo({ storeId: input.store_id, actorId: user.id, title: input.title, status: input.status }), 201);
});
