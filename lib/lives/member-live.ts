import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { memberStores } from "@/lib/stores/access";

/** For pages: a live of one of the caller's stores with her role there, or null (the page then shows its 404). */
export async function getLiveForMember(userId: string, liveId: string) {
  const memberships = await memberStores(userId);
  const live = await prisma.live.findFirst({ where: { id: liveId, storeId: { in: memberships.map((m) => m.storeId) } } });
  if (!live) return null;
  return { live, role: memberships.find((m) => m.storeId === live.storeId)!.role };
}

/** A live of one of the caller's stores, taken by id from the URL; anyone else's answers 404 like a missing one. */
export async function getLiveForMemberOrThrow(userId: string, liveId: string) {
  const found = await getLiveForMember(userId, liveId);
  if (!found) throw notFound("Live");
  return found.live;
}

/** Throws 404 unless the live belongs to this store (e.g. a live named in a request about one of its buyers). */
export async function assertLiveOfStore({ liveId, storeId }: { liveId: string; storeId: string }) {
  if (!(await prisma.live.count({ where: { id: liveId, storeId } }))) throw notFound("Live");
}
