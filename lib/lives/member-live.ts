import { prisma } from "@/lib/db";
import { getLiveForMember } from "./lives";

/** A live of one of the caller's stores (404 otherwise), taken by id from the URL. */
export async function liveOfMember(userId: string, liveId: string) {
  const memberships = await prisma.membership.findMany({ where: { userId }, select: { storeId: true } });
  return getLiveForMember({ liveId, storeIds: memberships.map((m) => m.storeId) });
}
