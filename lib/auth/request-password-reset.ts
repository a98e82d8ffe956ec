import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { randomToken, sha256 } from "@/lib/security/tokens";

const PASSWORD_RESET_TTL_SECONDS = 3600;

/**
 * Issues a single-use password reset token for the user, valid 1 h; only its hash is stored and any
 * earlier unused token of the user stops working. Returns the token for the caller to email (the
 * accounts work's mail module sends it; until then the admin console shows that a reset was requested).
 */
export async function requestPasswordReset(userId: string, { now = new Date() }: { now?: Date } = {}) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw notFound("User");
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_SECONDS * 1000);
  await prisma.$transaction([
    prisma.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } }),
    prisma.passwordResetToken.create({ data: { userId, tokenHash: sha256(token), expiresAt } }),
  ]);
  return { token, expiresAt };
}
