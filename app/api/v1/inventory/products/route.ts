import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody, parseQuery } from "@/lib/http/body";
import { productCreateInput, productListQuery } from "@/lib/inventory/schemas";
import { requireStoreAccess, requireStorePermission } from "@/lib/stores/access";
import { createProduct, listProducts } from "@/lib/inventory/products";

export const GET = sellerRoute(async ({ req, user }) => {
  const query = parseQuery(req.url, productListQuery);
  await requireStoreAccess(user, query.store_id);
  return json(await listProducts(query));
});

export const POST = sellerRoute(async ({ req, user }) => {
  const input = await parseJsonBody(req, productCreateInput);
  await requireStorePermission(user, input.store_id, "products.create");
  return json(await createProduct({ input, actorId: user.id }), 201);
});
