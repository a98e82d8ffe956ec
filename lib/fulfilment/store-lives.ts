import { prisma } from "@/lib/db";

/** The store's lives, newest first, for the queue's and pick list's live filter. */
export function listStoreLives(storeId: string) {
  return prisma.live.findMany({ where: { storeId }, select: { id: true, title: true }, orderBy: { startedAt: "desc" }, take: 50 });
}
