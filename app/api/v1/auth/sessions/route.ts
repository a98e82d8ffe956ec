import { sellerRoute, json } from "@/lib/http/route";
import { listSessions } from "@/lib/auth/sessions/list-sessions";

export const GET = sellerRoute(async ({ user }) => json({ items: await listSessions({ userId: user.id, currentSessionId: user.sessionId }) }));
