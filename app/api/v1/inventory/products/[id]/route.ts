import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { productUpdateInput } from "@/lib/inventory/schemas";
import { deleteProduct, getProduct, updateProduct } from "@/lib/inventory/products";
import { toProductDto } from "@/lib/inventory/product-dto";
import { prisma } from "@/lib/db";

// The store is taken from the product row, never from the client, and must be one of the caller's stores.
async function memberStoreIds(userId: string) {
  const rows = await prisma.membership.findMany({ where: { userId }, select: { storeId: true } });
  return rows.map((r) => r.storeId);
}

export const GET = sellerRoute(async ({ user, params }) => {
  const product = await getProduct({ storeIds: await memberStoreIds(user.id), productId: params.id! });
  const store = await prisma.store.findUniqueOrThrow({ where: { id: product.storeId }, select: { currency: true } });
  return json(toProductDto(product, store.currency));
});

export const PATCH = sellerRoute(async ({ req, user, params }) => {
  const product = await getProduct({ storeIds: await memberStoreIds(user.id), productId: params.id! });
  const input = await parseJsonBody(req, productUpdateInput);
  const result = await updateProduct({ productId: product.id, storeId: product.storeId, input, actorId: user.id });
  return json(result.product);
});

export const DELETE = sellerRoute(async ({ user, params }) => {
  const product = await getProduct({ storeIds: await memberStoreIds(user.id), productId: params.id! });
  await deleteProduct({ productId: product.id, storeId: product.storeId, actorId: user.id });
  return new Response(null, { status: 204 });
});
