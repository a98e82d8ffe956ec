import { prisma } from "@/lib/db";

/** For the simulator page: the store's active lives and a few products to comment about. */
export async function simulatorChoices(storeId: string) {
  const [lives, products] = await Promise.all([
    prisma.live.findMany({ where: { storeId, status: "ACTIVE" }, orderBy: { startedAt: "desc" }, select: { id: true, title: true, botEnabled: true } }),
    prisma.product.findMany({ where: { storeId, active: true }, orderBy: { sku: "asc" }, take: 8, select: { sku: true, name: true } }),
  ]);
  return { lives, products };
}
