import { prisma } from "@/lib/db";
import { AppError, tooManyRequests } from "@/lib/http/errors";
import { clearRateLimit, hitRateLimit, peekRateLimit, secondsUntil } from "@/lib/security/rate-limit";
import { DUMMY_HASH, verifyPassword } from "./password";
import { checkMfaCode } from "./mfa/check-mfa-code";

const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 8;
export const MAX_FAILURES_PER_IP = 30;

/**
 * Checks email + password with brute-force protection: failures are counted per account and per IP
 * (shared across instances in PostgreSQL); past the limit every attempt answers 429 until the window ends,
 * even with the right password.
 */
export async function authenticate({ email, password, ip, mfa_code }: { email: string; password: string; ip: string; mfa_code?: string }) {
  const accountKey = `login:account:${email}`;
  const ipKey = `login:ip:${ip}`;
  for (const [key, max] of [[accountKey, MAX_FAILURES_PER_ACCOUNT], [ipKey, MAX_FAILURES_PER_IP]] as const) {
    const bucket = await peekRateLimit(key);
    if (bucket && bucket.count >= max) throw tooManyRequests(secondsUntil(bucket.resetAt));
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok || user.disabledAt) {
    await Promise.all([
      hitRateLimit({ key: accountKey, windowSeconds: WINDOW_SECONDS }),
      hitRateLimit({ key: ipKey, windowSeconds: WINDOW_SECONDS }),
    ]);
    throw new AppError(401, "invalid_credentials", "Email or password is incorrect");
  }
  if (user.mfaEnabledAt) {
    // The password was right: say so only by asking for the second factor.
    if (!mfa_code) throw new AppError(401, "mfa_required", "This account uses two-step verification: send mfa_code (a code from the authenticator app or a backup code)");
    if (!(await checkMfaCode({ user, code: mfa_code }))) {
      await Promise.all([hitRateLimit({ key: accountKey, windowSeconds: WINDOW_SECONDS }), hitRateLimit({ key: ipKey, windowSeconds: WINDOW_SECONDS })]);
      throw new AppError(401, "invalid_mfa_code", "The two-step verification code is wrong or was already used");
    }
  }
  await clearRateLimit(accountKey);
  return user;
}
