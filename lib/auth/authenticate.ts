import { prisma } from "@/lib/db";
import { AppError, tooManyRequests } from "@/lib/http/errors";
import { clearRateLimit, hitRateLimit, peekRateLimit, secondsUntil } from "@/lib/security/rate-limit";
import { env } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import { logger } from "@/lib/observability/logger";
import { DUMMY_HASH, verifyPassword } from "./password";
import { checkMfaCode } from "./mfa/check-mfa-code";

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 8;
const MAX_FAILURES_PER_IP = 30;
const BACKOFF_AFTER = 8;
const MAX_BACKOFF_MS = 2_000;

/**
 * Checks email + password (and the second factor when the account has MFA) with brute-force protection
 * shared across instances in PostgreSQL. Locks are per account AND address (8 failures) and per address
 * (30): past them that address gets 429 until the window ends, even with the right password. Failures
 * against one account from everywhere only slow its sign-ins down (up to 2 s each), never lock it, so
 * nobody can lock a seller out of her own account from other addresses. The failure that reaches the
 * backoff threshold emails the account's owner (once per window: only one failure can be the 8th).
 */
export async function authenticate({ email, password, ip, mfa_code }: { email: string; password: string; ip: string; mfa_code?: string }) {
  const accountIpKey = `login:account-ip:${email}:${ip}`;
  const accountKey = `login:account:${email}`;
  const ipKey = `login:ip:${ip}`;
  for (const [key, max] of [[accountIpKey, MAX_FAILURES_PER_ACCOUNT], [ipKey, MAX_FAILURES_PER_IP]] as const) {
    const bucket = await peekRateLimit(key);
    if (bucket && bucket.count >= max) throw tooManyRequests(secondsUntil(bucket.resetAt));
  }
  const accountFailures = (await peekRateLimit(accountKey))?.count ?? 0;
  if (accountFailures >= BACKOFF_AFTER) await new Promise((r) => setTimeout(r, Math.min(MAX_BACKOFF_MS, 100 * 2 ** (accountFailures - BACKOFF_AFTER))));
  const user = await prisma.user.findUnique({ where: { email } });
  const fail = async () => {
    const [, account] = await Promise.all([accountIpKey, accountKey, ipKey].map((key) => hitRateLimit({ key, windowSeconds: WINDOW_SECONDS })));
    if (user && !user.disabledAt && account!.count === BACKOFF_AFTER) {
      await queueEmail({ to: user.email, userId: user.id, template: "failed_sign_ins", locale: user.locale, vars: { count: String(BACKOFF_AFTER), email: user.email, minutes: String(WINDOW_SECONDS / 60) }, link: `${env().APP_URL}/forgot-password` }).catch((err) =>
        logger.error({ err }, "emailing the owner about failed sign-ins failed"),
      );
    }
  };
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok || user.disabledAt) {
    await fail();
    throw new AppError(401, "invalid_credentials", "Email or password is incorrect");
  }
  if (user.mfaEnabledAt) {
    // The password was right: say so only by asking for the second factor.
    if (!mfa_code) throw new AppError(401, "mfa_required", "This account uses two-step verification: send mfa_code (a code from the authenticator app or a backup code)");
    if (!(await checkMfaCode({ user, code: mfa_code }))) {
      await fail();
      throw new AppError(401, "invalid_mfa_code", "The two-step verification code is wrong or was already used");
    }
  }
  await Promise.all([clearRateLimit(accountIpKey), clearRateLimit(accountKey)]);
  return user;
}
