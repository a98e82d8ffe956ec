import { prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/security/encryption";
import { hashBackupCode, normalizeBackupCode } from "./backup-codes";
import { spendTotpStep } from "./spend-totp-step";
import { verifyTotp } from "./totp";

/**
 * A second factor for a user with MFA on: a TOTP code not used before (its time step is spent here, so a
 * code seen over someone's shoulder cannot be replayed inside its 30 s window), or one of the unused
 * backup codes (spent here, atomically, so two concurrent sign-ins cannot both use it).
 */
export async function checkMfaCode({ user, code }: { user: { id: string; mfaSecretCiphertext: string | null; mfaLastStep?: number | null }; code: string }): Promise<"totp" | "backup" | null> {
  if (!user.mfaSecretCiphertext || code.length > 64) return null;
  const step = await verifyTotp({ secret: decryptSecret(user.mfaSecretCiphertext), code, afterStep: user.mfaLastStep });
  if (step !== null) return (await spendTotpStep({ userId: user.id, step })) ? "totp" : null;
  if (normalizeBackupCode(code).length !== 10) return null;
  const spent = await prisma.mfaBackupCode.updateMany({ where: { userId: user.id, codeHash: hashBackupCode(code), usedAt: null }, data: { usedAt: new Date() } });
  return spent.count === 1 ? "backup" : null;
}
