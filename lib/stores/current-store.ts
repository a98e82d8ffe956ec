import { cookies } from "next/headers";
import { prisma } from "@/lib/db";

export const STORE_COOKIE = "lss_store";

/** The store the dashboard shows: the one chosen in the switcher (if still a member), else the first. */
export async function getCurrentStore(userId: string) {
  const memberships = await prisma.membership.findMany({ where: { userId }, include: { store: true }, orderBy: { createdAt: "asc" } });
  if (memberships.length === 0) return { current: null, memberships };
  const chosen = (await cookies()).get(STORE_COOKIE)?.value;
  const current = memberships.find((m) => m.storeId === chosen) ?? memberships[0]!;
  return { current: { store: current.store, role: current.role }, memberships };
}
