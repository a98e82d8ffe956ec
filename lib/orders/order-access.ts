import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { requireStoreAccess, type StoreRole } from "@/lib/stores/access";
import type { CurrentUser } from "@/lib/auth/current-user";

/** An order the caller may act on: another tenant's order answers 404, exactly like a missing one. */
export async function requireOrderAccess(user: Pick<CurrentUser, "id">, orderId: string, roles?: StoreRole[]) {
  const order = orderId.length <= 64 ? await prisma.order.findUnique({ where: { id: orderId }, select: { id: true, storeId: true } }) : null;
  if (!order) throw notFound("Order");
  try {
    await requireStoreAccess(user, order.storeId, roles);
  } catch (e) {
    if ((e as { status?: number }).status === 404) throw notFound("Order");
    throw e;
  }
  return order;
}
