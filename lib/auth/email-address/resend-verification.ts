import { prisma } from "@/lib/db";
import { conflict, tooManyRequests } from "@/lib/http/errors";
import { hitRateLimit, secondsUntil } from "@/lib/security/rate-limit";
import { sendEmailToken } from "./send-verification-email";

const MAX_PER_HOUR = 5;

/** The dashboard banner's "resend the link": a new verification email (earlier links stop working), 5 an hour. */
export async function resendVerification({ userId }: { userId: string }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, fullName: true, locale: true, emailVerifiedAt: true } });
  if (user.emailVerifiedAt) throw conflict("email_already_verified", "This email address is already confirmed");
  const bucket = await hitRateLimit({ key: `verify-email:${userId}`, windowSeconds: 3600 });
  if (bucket.count > MAX_PER_HOUR) throw tooManyRequests(secondsUntil(bucket.resetAt));
  await sendEmailToken({ user, purpose: "verify_email", email: user.email });
  return { sent: true };
}
