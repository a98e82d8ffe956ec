import { prisma } from "@/lib/db";
import { conflict } from "@/lib/http/errors";
import { encryptSecret } from "@/lib/security/encryption";
import { newTotpSecret, totpUri } from "./totp";

/** Step 1 of enrolment: a fresh secret kept (encrypted) until a code from it confirms the enrolment. */
export async function setupMfa({ userId }: { userId: string }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, mfaEnabledAt: true } });
  if (user.mfaEnabledAt) throw conflict("mfa_already_enabled", "Two-step verification is already on; disable it first to enrol another device");
  const secret = newTotpSecret();
  await prisma.user.update({ where: { id: userId }, data: { mfaSecretCiphertext: encryptSecret(secret), mfaLastStep: null } });
  return { secret, otpauth_url: totpUri({ secret, email: user.email }) };
}
