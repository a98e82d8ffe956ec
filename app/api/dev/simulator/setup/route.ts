import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { requireStoreAccess } from "@/lib/stores/access";
import { ensureSimulatorPage, simulatorEnabled } from "@/lib/simulator/simulator";

export const POST = sellerRoute(async ({ req, user }) => {
  if (!simulatorEnabled()) throw notFound("Simulator");
  const { store_id } = await parseJsonBody(req, z.object({ store_id: z.string().min(1) }));
  await requireStoreAccess(user, store_id, ["OWNER"]);
  return json(await ensureSimulatorPage({ storeId: store_id, actorId: user.id }));
});
