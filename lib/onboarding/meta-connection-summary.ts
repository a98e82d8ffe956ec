import { prisma } from "@/lib/db";

/** The connected Page of a store (id, name, the token's last 4 characters), or null when none is connected. */
export async function metaConnectionSummary(storeId: string): Promise<{ pageId: string; pageName: string | null; tokenLast4: string } | null> {
  return prisma.metaConnection.findUnique({ where: { storeId }, select: { pageId: true, pageName: true, tokenLast4: true } });
}
