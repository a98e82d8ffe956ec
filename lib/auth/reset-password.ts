import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueEmail } from "@/lib/email/queue-email";
import { fieldError } from "@/lib/http/errors";
import { sha256 } from "@/lib/security/tokens";
import { assertPasswordAllowed } from "./password-policy";
import { hashPassword } from "./password";
import { revokeUserSessions } from "./revoke-user-sessions";

/**
 * Sets a new password from an emailed link. The token is spent in the same transaction that changes the
 * password (a second use, or a concurrent one, finds it used) and every earlier session and token of the
 * user is revoked.
 */
export async function resetPassword({ token, password, ip }: { token: string; password: string; ip?: string | null }) {
  const row = await prisma.passwordResetToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: { select: { id: true, email: true, locale: true, disabledAt: true } } } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.user.disabledAt) {
    throw fieldError("token", "invalid_token", "is invalid, expired or already used: ask for a new link");
  }
  assertPasswordAllowed({ password, email: row.user.email });
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const spent = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1) throw fieldError("token", "invalid_token", "is invalid, expired or already used: ask for a new link");
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    // Every other outstanding link dies with this one.
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: new Date() } });
    await revokeUserSessions(tx, row.userId);
    await recordAudit(tx, { actorType: "USER", actorId: row.userId, action: "user.password_reset", entityType: "user", entityId: row.userId, ip: ip ?? null });
  });
  await queueEmail({ to: row.user.email, userId: row.userId, template: "password_changed", locale: row.user.locale, vars: { email: row.user.email } });
  return { ok: true };
}
