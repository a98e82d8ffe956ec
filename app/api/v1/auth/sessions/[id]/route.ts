import { sellerRoute, json } from "@/lib/http/route";
import { revokeSession } from "@/lib/auth/sessions/revoke-session";

export const DELETE = sellerRoute(async ({ user, params, ip }) => json(await revokeSession({ userId: user.id, sessionId: params.id!, ip })));
