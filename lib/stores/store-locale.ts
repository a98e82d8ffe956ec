import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/** The store's timezone and locale, for documents rendered in its name (CSV exports, slips). */
export async function storeLocale(storeId: string): Promise<{ timezone: string; locale: string; currency: string }> {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { timezone: true, locale: true, currency: true } });
  if (!store) throw notFound("Store");
  return store;
}
