import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import { randomToken, sha256 } from "@/lib/security/tokens";

const VERIFY_TTL_MS = 7 * 24 * 3600 * 1000;
const CHANGE_TTL_MS = 24 * 3600 * 1000;

/**
 * Emails a single-use link (only its hash is kept) proving `email` belongs to the user: "verify_email" for
 * the sign-up address, "change_email" for a new address. A newer link of the same purpose voids the earlier ones.
 */
export async function sendEmailToken({ user, purpose, email }: { user: { id: string; fullName: string; locale: string }; purpose: "verify_email" | "change_email"; email: string }) {
  const token = randomToken(32);
  const now = new Date();
  await prisma.$transaction([
    prisma.emailToken.updateMany({ where: { userId: user.id, purpose, usedAt: null }, data: { usedAt: now } }),
    prisma.emailToken.create({ data: { userId: user.id, purpose, email, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + (purpose === "verify_email" ? VERIFY_TTL_MS : CHANGE_TTL_MS)) } }),
  ]);
  await queueEmail({
    to: email,
    userId: user.id,
    template: purpose === "verify_email" ? "verify_email" : "email_change_confirm",
    locale: user.locale,
    vars: { email, name: user.fullName },
    link: `${env().APP_URL}/verify-email?token=${encodeURIComponent(token)}`,
  });
}
