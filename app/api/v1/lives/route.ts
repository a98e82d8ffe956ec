import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { liveCreateInput } from "@/lib/lives/schemas";
import { createLive, toLiveDto } from "@/lib/lives/lives";
import { requireStoreAccess } from "@/lib/stores/access";
import { prisma } from "@/lib/db";

export const GET = sellerRoute(async ({ req, user }) => {
  const { store_id } = parseQuery(req.url, z.object({ store_id: z.string().min(1, "is required") }));
  await requireStoreAccess(user, store_id);
  const lives = await prisma.live.findMany({ where: { storeId: store_id }, orderBy: { startedAt: "desc" }, take: 100 });
  return json(lives.map((l) => toLiveDto(l)));
});

export const POST = sellerRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, liveCreateInput);
  await requireStoreAccess(user, input.store_id);
  return json(await createLive({ input, actorId: user.id }), 201);
});
