import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { productCreateInput, productUpdateInput, productListQuery, productOutput, importResult } from "./schemas";

/** The catalog: the API operations of this domain, documented with the schemas their routes validate with. */
export const inventoryOperations: Operation[] = [
  { method: "get", path: "/api/v1/inventory/products", tag: "inventory", summary: "List products", query: productListQuery, response: z.array(productOutput), errors: [404, 422] },
  { method: "post", path: "/api/v1/inventory/products", tag: "inventory", summary: "Create a product", body: productCreateInput, response: productOutput, status: 201, errors: [402, 404, 409, 422] },
  { method: "get", path: "/api/v1/inventory/products/{id}", tag: "inventory", summary: "One product", response: productOutput, errors: [404] },
  { method: "patch", path: "/api/v1/inventory/products/{id}", tag: "inventory", summary: "Update a product (stock or stock_delta; never below reserved)", body: productUpdateInput, response: productOutput, errors: [404, 422] },
  { method: "delete", path: "/api/v1/inventory/products/{id}", tag: "inventory", summary: "Delete a product without open reservations", status: 204, errors: [404, 409] },
  { method: "post", path: "/api/v1/inventory/import", tag: "inventory", summary: "Import a catalog CSV (all-or-nothing; header sku,name,description,price,stock,keywords; keywords ;-separated; price in major units)", query: z.object({ store_id: z.string(), dry_run: z.enum(["0", "1", "true", "false"]).optional() }), body: z.string().describe("text/csv, UTF-8"), bodyType: "text/csv", response: importResult, errors: [400, 404, 413, 422] },
];
