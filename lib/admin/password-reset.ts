import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { logger } from "@/lib/observability/logger";

/** A superadmin asks for a user's password reset: the token is issued and audited, never shown to the admin. */
export async function adminPasswordReset({ userId, actorId }: { userId: string; actorId: string }) {
  const { expiresAt } = await requestPasswordReset(userId);
  // The accounts work (forgot/reset password, mail module) emails the token's link; merge it in here.
  logger.info({ user_id: userId }, "password reset requested by a superadmin");
  await recordAudit(prisma, { actorType: "USER", actorId, action: "user.password_reset_requested", entityType: "user", entityId: userId });
  return { status: "requested", expires_at: expiresAt.toISOString() };
}
