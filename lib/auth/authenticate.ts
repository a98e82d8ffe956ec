import { prisma } from "@/lib/db";
import { AppError, tooManyRequests } from "@/lib/http/errors";
import { clearRateLimit, hitRateLimit, peekRateLimit, secondsUntil } from "@/lib/security/rate-limit";
import { DUMMY_HASH, verifyPassword } from "./password";

const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 8;
export const MAX_FAILURES_PER_IP = 30;

/**
 * Checks email + password with brute-force protection: failures are counted per account and per IP
 * (shared across instances in PostgreSQL); past the limit every attempt answers 429 until the window ends,
 * even with the right password.
 */
export async function authenticate({ email, password, ip }: { email: string; password: string; ip: string }) {
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
  await clearRateLimit(accountKey);
  return user;
}
