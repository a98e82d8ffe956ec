import { sellerRoute, json } from "@/lib/http/route";
import { revokeOtherSessions } from "@/lib/auth/sessions/revoke-session";

export const POST = sellerRoute(async ({ user, ip }) => json(await revokeOtherSessions({ userId: user.id, currentSessionId: user.sessionId, ip })));
