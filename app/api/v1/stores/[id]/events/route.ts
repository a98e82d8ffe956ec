import { sellerRoute } from "@/lib/http/route";
import { isStoreMember, requireStoreAccess } from "@/lib/stores/access";
import { env } from "@/lib/env";
import { storeEventHub } from "@/lib/realtime/listen";
import { SSE_HEADERS, storeEventStream } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Server-sent events of one store (Live Control Center, orders, inventory): fed by PostgreSQL
 * LISTEN/NOTIFY, so an event published by any app instance reaches every open dashboard.
 */
export const GET = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!);
  const stream = storeEventStream({
    hub: storeEventHub(env().DATABASE_URL),
    storeId,
    signal: req.signal,
    stillAuthorized: () => isStoreMember(user.id, storeId),
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
