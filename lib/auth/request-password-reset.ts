import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { randomToken, sha256 } from "@/lib/security/tokens";

const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
const MAX_EMAILS_PER_ACCOUNT_PER_HOUR = 5;

/**
 * "Forgot password": emails a single-use link valid 1 h (only its hash is stored). The caller always
 * answers 202, so whether an account exists is not revealed; a disabled account or one asking too
 * often gets no email.
 */
export async function requestPasswordReset({ email, locale }: { email: string; locale?: string | null }) {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, locale: true, disabledAt: true } });
  if (!user || user.disabledAt) return { sent: false };
  const bucket = await hitRateLimit({ key: `password-reset:${user.id}`, windowSeconds: 3600 });
  if (bucket.count > MAX_EMAILS_PER_ACCOUNT_PER_HOUR) return { sent: false };
  return sendPasswordResetEmail({ user, locale });
}

/** One reset email (the admin API's "send a reset email" can call it too). */
export async function sendPasswordResetEmail({ user, locale }: { user: { id: string; email: string; locale: string }; locale?: string | null }) {
  const token = randomToken(32);
  // A newer request voids the earlier links: only the latest email works.
  await prisma.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
  await prisma.passwordResetToken.create({ data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) } });
  await queueEmail({
    to: user.email,
    userId: user.id,
    template: "password_reset",
    locale: locale ?? user.locale,
    vars: { email: user.email },
    link: `${env().APP_URL}/reset-password?token=${encodeURIComponent(token)}`,
  });
  return { sent: true };
}
