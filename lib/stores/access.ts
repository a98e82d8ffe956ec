import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { assertCan, ownerRequired, type StoreAction } from "./permissions";
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
  if (roles && !roles.includes(membership.role)) throw ownerRequired();
  return { storeId, role: membership.role };
}

/** The caller's membership, checked against one action of the permission table (lib/stores/permissions.ts). */
export async function requireStorePermission(user: Pick<CurrentUser, "id">, storeId: string, action: StoreAction): Promise<StoreAccess> {
  const access = await requireStoreAccess(user, storeId);
  assertCan(access.role, action);
  return access;
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

/**
 * The one answer to "which stores is this user a member of", with her role in each (oldest first). Every
 * `get…ForMember…` loader scopes its query with it, so another tenant's row answers 404 like a missing one.
 */
export async function memberStores(userId: string): Promise<StoreAccess[]> {
  return prisma.membership.findMany({ where: { userId }, select: { storeId: true, role: true }, orderBy: { createdAt: "asc" } });
}

/** The ids of every store the user belongs to (see memberStores). */
export async function memberStoreIds(userId: string): Promise<string[]> {
  return (await memberStores(userId)).map((m) => m.storeId);
}
