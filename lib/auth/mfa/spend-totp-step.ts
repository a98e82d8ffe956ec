import { prisma } from "@/lib/db";

/**
 * Records a TOTP time step as used, atomically: true only for the first caller with a step later than
 * the last one spent, so one code cannot sign in twice (two concurrent sign-ins race here, one wins).
 */
export async function spendTotpStep({ userId, step }: { userId: string; step: number }) {
  const spent = await prisma.user.updateMany({ where: { id: userId, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: step } }] }, data: { mfaLastStep: step } });
  return spent.count === 1;
}
