import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { memberStoreIds } from "@/lib/stores/access";

/** A buyer of one of the caller's stores; anyone else's answers 404 like a missing one. */
export async function getBuyerForMemberOrThrow(userId: string, buyerId: string) {
  const buyer = await prisma.buyer.findFirst({ where: { id: buyerId, storeId: { in: await memberStoreIds(userId) } } });
  if (!buyer) throw notFound("Buyer");
  return buyer;
}
