import { prisma } from "@/lib/db";
import { forbidden, notFound } from "@/lib/http/errors";
import type { CurrentUser } from "@/lib/auth/current-user";

export type StoreRole = "OWNER" | "STAFF";
export type StoreAccess = { storeId: string; role: StoreRole };

/**
 * The caller's membership in a store. Someone else's store answers 404 — the same as a store that does
 * not exist — so ids of other tenants cannot be probed. A member without the needed role gets 403.
 */
export async function requireStoreAccess(user: Pick<CurrentUser, "id">, storeId: string, roles?: StoreRole[]): Promise<StoreAccess> {
  const membership = await prisma.membership.findUnique({ where: { userId_storeId: { userId: user.id, storeId } }, select: { role: true } });
  if (!membership) throw notFound("Store");
  if (roles && !roles.includes(membership.role)) throw forbidden(`This needs the ${roles.join(" or ")} role in this store`);
  return { storeId, role: membership.role };
}

/** The store a request acts on when it names none: the caller's only (or first) store. */
export async function defaultStoreId(userId: string): Promise<string | null> {
  const m = await prisma.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select: { storeId: true } });
  return m?.storeId ?? null;
}

/** Whether the user still belongs to the store (an open event stream re-checks it). */
export async function isStoreMember(userId: string, storeId: string): Promise<boolean> {
  return (await prisma.membership.count({ where: { userId, storeId } })) > 0;
}
