import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { StoreRole } from "@/lib/stores/access";

/**
 * A product of one of the caller's stores, with the caller's role there and the store currency. The
 * store comes from the product row, never from the client; anyone else's product answers 404.
 */
export async function getProductForMemberOrThrow({ userId, productId }: { userId: string; productId: string }) {
  const product = productId.length <= 64 ? await prisma.product.findUnique({ where: { id: productId }, include: { store: { select: { currency: true, memberships: { where: { userId }, select: { role: true } } } } } }) : null;
  const role = product?.store.memberships[0]?.role as StoreRole | undefined;
  if (!product || !role) throw notFound("Product");
  const { store, ...row } = product;
  return { product: row, role, currency: store.currency };
}
