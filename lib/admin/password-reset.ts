import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/errors";
import { sendPasswordResetEmail } from "@/lib/auth/request-password-reset";
import { logger } from "@/lib/observability/logger";

/** A superadmin asks for a user's password reset: the user receives the emailed link (valid 1 h); the admin never sees it. */
export async function adminPasswordReset({ userId, actorId }: { userId: string; actorId: string }) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, locale: true } });
  if (!user) throw notFound("User");
  await sendPasswordResetEmail({ user });
  logger.info({ user_id: userId }, "password reset email sent at a superadmin's request");
  await recordAudit(prisma, { actorType: "USER", actorId, action: "user.password_reset_requested", entityType: "user", entityId: userId });
  return { status: "requested" };
}
