import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { productUpdateInput } from "@/lib/inventory/schemas";
import { deleteProduct, updateProduct } from "@/lib/inventory/products";
import { toProductDto } from "@/lib/inventory/product-dto";
import { getProductForMemberOrThrow } from "@/lib/inventory/get-product-for-member";
import { assertCan } from "@/lib/stores/permissions";

export const GET = sellerRoute(async ({ user, params }) => {
  const { product, currency } = await getProductForMemberOrThrow({ userId: user.id, productId: params.id! });
  return json(toProductDto(product, currency));
});

/** STAFF may change stock and the product's description; a price change needs OWNER (checked against the stored price). */
export const PATCH = sellerRoute(async ({ req, user, params, ip }) => {
  const { product, role } = await getProductForMemberOrThrow({ userId: user.id, productId: params.id! });
  const input = await parseJsonBody(req, productUpdateInput);
  const result = await updateProduct({ productId: product.id, storeId: product.storeId, input, actorId: user.id, role, ip });
  return json(result.product);
});

export const DELETE = sellerRoute(async ({ user, params }) => {
  const { product, role } = await getProductForMemberOrThrow({ userId: user.id, productId: params.id! });
  assertCan(role, "products.delete");
  await deleteProduct({ productId: product.id, storeId: product.storeId, actorId: user.id });
  return new Response(null, { status: 204 });
});
