import { z } from "zod";
import { sellerRoute, json } from "@/lib/http/route";
import { parseQuery } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { listPickableLiveVideos } from "@/lib/lives/list-page-live-videos";

/** The Page's current and scheduled live videos, to pick the one the bot listens to. */
export const GET = sellerRoute(async ({ req, user }) => {
  const { store_id } = parseQuery(req.url, z.object({ store_id: z.string().min(1, "is required") }));
  await requireStoreAccess(user, store_id);
  return json(await listPickableLiveVideos({ storeId: store_id }));
});
