import { prisma } from "@/lib/db";

/** The ids of every store the user belongs to: what scopes her tickets. */
export async function memberStoreIds(userId: string) {
  return (await prisma.membership.findMany({ where: { userId }, select: { storeId: true } })).map((m) => m.storeId);
}
