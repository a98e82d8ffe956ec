import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, fieldError } from "@/lib/http/errors";
import { decryptSecret } from "@/lib/security/encryption";
import { hashBackupCode, newBackupCodes } from "./backup-codes";
import { spendTotpStep } from "./spend-totp-step";
import { verifyTotp } from "./totp";

/** Step 2: a code from the app proves the secret was scanned; MFA goes on and 10 backup codes are shown once. */
export async function enableMfa({ userId, code, ip }: { userId: string; code: string; ip?: string | null }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaSecretCiphertext: true, mfaEnabledAt: true, mfaLastStep: true } });
  if (user.mfaEnabledAt) throw conflict("mfa_already_enabled", "Two-step verification is already on");
  if (!user.mfaSecretCiphertext) throw conflict("mfa_not_set_up", "Start with POST /api/v1/auth/mfa/setup");
  const step = await verifyTotp({ secret: decryptSecret(user.mfaSecretCiphertext), code, afterStep: user.mfaLastStep });
  // The confirming code is spent too: it cannot sign in a second time.
  if (step === null || !(await spendTotpStep({ userId, step }))) throw fieldError("code", "invalid_code", "is not the current code of the authenticator app");
  const codes = newBackupCodes();
  await prisma.$transaction(async (tx) => {
    await tx.mfaBackupCode.deleteMany({ where: { userId } });
    await tx.mfaBackupCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashBackupCode(c) })) });
    await tx.user.update({ where: { id: userId }, data: { mfaEnabledAt: new Date() } });
    await recordAudit(tx, { actorType: "USER", actorId: userId, action: "user.mfa_enabled", entityType: "user", entityId: userId, ip: ip ?? null });
  });
  return { backup_codes: codes };
}
