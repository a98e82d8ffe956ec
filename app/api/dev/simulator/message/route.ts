import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { requireStoreAccess } from "@/lib/stores/access";
import { simulateMessage, simulatorEnabled } from "@/lib/simulator/simulator";

const input = z.object({ store_id: z.string().min(1), author_name: z.string().trim().min(1).max(80), text: z.string().max(2000).optional(), payload: z.string().max(300).optional() }).refine((b) => b.text || b.payload, { message: "text or payload is required", path: ["text"] });

export const POST = sellerRoute(async ({ req, user }) => {
  if (!simulatorEnabled()) throw notFound("Simulator");
  const body = await parseJsonBody(req, input);
  await requireStoreAccess(user, body.store_id);
  return json(await simulateMessage({ storeId: body.store_id, authorName: body.author_name, text: body.text, payload: body.payload }), 201);
});
