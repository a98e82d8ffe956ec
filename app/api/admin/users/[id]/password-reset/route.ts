import { adminRoute, json } from "@/lib/http/route";
import { adminPasswordReset } from "@/lib/admin/password-reset";

/** 202: a reset token is issued (and emailed once the mail module is merged). The token is never returned. */
export const POST = adminRoute(async ({ user, params }) => json(await adminPasswordReset({ userId: params.id!, actorId: user.id }), 202));
