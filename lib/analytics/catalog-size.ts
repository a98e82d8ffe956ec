import { prisma } from "@/lib/db";

/** How many products the store has: the overview stops asking for a catalog import once there is one. */
export function catalogSize({ storeId }: { storeId: string }) {
  return prisma.product.count({ where: { storeId, deletedAt: null } });
}
