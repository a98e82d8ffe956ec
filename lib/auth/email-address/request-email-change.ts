import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, fieldError, tooManyRequests } from "@/lib/http/errors";
import { hitRateLimit, secondsUntil } from "@/lib/security/rate-limit";
import { verifyPassword } from "../password";
import { sendEmailToken } from "./send-verification-email";

/**
 * Starts a change of sign-in email (the current password is required): nothing changes until the link
 * sent to the new address is opened; the old address is told once the change is done.
 */
export async function requestEmailChange({ userId, newEmail, currentPassword, ip }: { userId: string; newEmail: string; currentPassword: string; ip?: string | null }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, fullName: true, locale: true, passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) throw fieldError("current_password", "wrong_password", "is not the current password");
  if (newEmail === user.email) throw fieldError("new_email", "unchanged", "is already the email of this account");
  if (await prisma.user.findUnique({ where: { email: newEmail }, select: { id: true } })) throw conflict("email_taken", "An account with this email already exists", [{ field: "new_email", code: "taken", message: "is already registered" }]);
  const bucket = await hitRateLimit({ key: `change-email:${userId}`, windowSeconds: 3600 });
  if (bucket.count > 5) throw tooManyRequests(secondsUntil(bucket.resetAt));
  await sendEmailToken({ user, purpose: "change_email", email: newEmail });
  await recordAudit(prisma, { actorType: "USER", actorId: userId, action: "user.email_change_requested", entityType: "user", entityId: userId, ip: ip ?? null });
  return { sent: true };
}
