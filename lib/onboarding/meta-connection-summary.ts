import { prisma } from "@/lib/db";

/** The connected Page of a store (id and name), or null when none is connected. */
export async function metaConnectionSummary(storeId: string): Promise<{ pageId: string; pageName: string | null } | null> {
  return prisma.metaConnection.findUnique({ where: { storeId }, select: { pageId: true, pageName: true } });
}
