import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueEmail } from "@/lib/email/queue-email";
import { fieldError } from "@/lib/http/errors";
import { hashPassword, verifyPassword } from "./password";
import { assertPasswordAllowed } from "./password-policy";
import { revokeUserSessions } from "./revoke-user-sessions";

/**
 * A signed-in user changes their password (the current one is required). Every session and token,
 * this one included, is revoked — the caller signs in again — and a notice is emailed.
 */
export async function changePassword({ userId, currentPassword, newPassword, ip }: { userId: string; currentPassword: string; newPassword: string; ip?: string | null }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, locale: true, passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) throw fieldError("current_password", "wrong_password", "is not the current password");
  assertPasswordAllowed({ password: newPassword, email: user.email });
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await revokeUserSessions(tx, userId);
    await recordAudit(tx, { actorType: "USER", actorId: userId, action: "user.password_changed", entityType: "user", entityId: userId, ip: ip ?? null });
  });
  await queueEmail({ to: user.email, userId, template: "password_changed", locale: user.locale, vars: { email: user.email } });
  return { ok: true };
}
