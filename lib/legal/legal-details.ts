import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

/** When the privacy policy and the terms last changed (shown on both pages). */
export const LEGAL_UPDATED = "2026-12-24";

/**
 * What the privacy and terms pages are templated with: the platform's name and contact (PLATFORM_NAME,
 * PLATFORM_CONTACT_EMAIL) and, when the page is opened from a store's checkout (`?store=`), that store's
 * name. An unknown store id just gives the platform's page.
 */
export async function legalDetails({ storeId }: { storeId?: string | null }) {
  const e = env();
  const store = storeId && /^[a-z0-9]{10,40}$/i.test(storeId) ? await prisma.store.findUnique({ where: { id: storeId }, select: { name: true } }) : null;
  return { platform: e.PLATFORM_NAME, contact: e.PLATFORM_CONTACT_EMAIL ?? null, store: store?.name ?? null };
}
