import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { getLiveForMember } from "./lives";

/** A live of one of the caller's stores (404 otherwise), taken by id from the URL. */
export async function liveOfMember(userId: string, liveId: string) {
  const memberships = await prisma.membership.findMany({ where: { userId }, select: { storeId: true } });
  return getLiveForMember({ liveId, storeIds: memberships.map((m) => m.storeId) });
}

/** Throws 404 unless the live belongs to this store (e.g. a live named in a request about one of its buyers). */
export async function assertLiveOfStore({ liveId, storeId }: { liveId: string; storeId: string }) {
  if (!(await prisma.live.count({ where: { id: liveId, storeId } }))) throw notFound("Live");
}

/** For pages: the live with the caller's role in its store, or null (the page then shows its 404). */
export async function findLiveForMember(userId: string, liveId: string) {
  const memberships = await prisma.membership.findMany({ where: { userId }, select: { storeId: true, role: true } });
  const live = await prisma.live.findFirst({ where: { id: liveId, storeId: { in: memberships.map((m) => m.storeId) } } });
  if (!live) return null;
  return { live, role: memberships.find((m) => m.storeId === live.storeId)!.role };
}
