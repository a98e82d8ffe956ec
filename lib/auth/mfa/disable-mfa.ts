import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, fieldError } from "@/lib/http/errors";
import { checkMfaCode } from "./check-mfa-code";

/** Needs a current code (or a backup code): a stolen session alone cannot turn the second factor off. */
export async function disableMfa({ userId, code, ip }: { userId: string; code: string; ip?: string | null }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, mfaSecretCiphertext: true, mfaEnabledAt: true, mfaLastStep: true } });
  if (!user.mfaEnabledAt) throw conflict("mfa_not_enabled", "Two-step verification is not on");
  if (!(await checkMfaCode({ user, code }))) throw fieldError("code", "invalid_code", "is not a current or backup code");
  await prisma.$transaction(async (tx) => {
    await tx.mfaBackupCode.deleteMany({ where: { userId } });
    await tx.user.update({ where: { id: userId }, data: { mfaEnabledAt: null, mfaSecretCiphertext: null, mfaLastStep: null } });
    await recordAudit(tx, { actorType: "USER", actorId: userId, action: "user.mfa_disabled", entityType: "user", entityId: userId, ip: ip ?? null });
  });
  return { mfa_enabled: false };
}
