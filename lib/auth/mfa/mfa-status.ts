import { prisma } from "@/lib/db";

/** For Settings → Security: whether MFA is on and how many backup codes are left. */
export async function getMfaStatus({ userId }: { userId: string }) {
  const [user, left] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaEnabledAt: true } }),
    prisma.mfaBackupCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabled: user.mfaEnabledAt !== null, enabledAt: user.mfaEnabledAt, backupCodesLeft: left };
}
