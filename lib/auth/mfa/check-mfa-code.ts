import { prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/security/encryption";
import { hashBackupCode, normalizeBackupCode } from "./backup-codes";
import { verifyTotp } from "./totp";

/**
 * A second factor for a user with MFA on: a TOTP code, or one of the unused backup codes (spent here,
 * atomically, so two concurrent sign-ins cannot both use it).
 */
export async function checkMfaCode({ user, code }: { user: { id: string; mfaSecretCiphertext: string | null }; code: string }): Promise<"totp" | "backup" | null> {
  if (!user.mfaSecretCiphertext || code.length > 64) return null;
  if (await verifyTotp({ secret: decryptSecret(user.mfaSecretCiphertext), code })) return "totp";
  if (normalizeBackupCode(code).length !== 10) return null;
  const spent = await prisma.mfaBackupCode.updateMany({ where: { userId: user.id, codeHash: hashBackupCode(code), usedAt: null }, data: { usedAt: new Date() } });
  return spent.count === 1 ? "backup" : null;
}
