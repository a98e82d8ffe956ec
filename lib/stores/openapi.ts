import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { closeTenantInput } from "@/lib/admin/close-tenant";
import { storeCreateInput, storeUpdateInput, metaTokenInput, storeOutput } from "./schemas";

/** Stores and their Facebook Page: the API operations of this domain, documented with the schemas their routes validate with. */
export const storeOperations: Operation[] = [
  { method: "get", path: "/api/v1/stores", tag: "stores", summary: "Stores the caller belongs to", response: z.array(storeOutput) },
  { method: "post", path: "/api/v1/stores", tag: "stores", summary: "Create a store (caller becomes OWNER)", body: storeCreateInput, response: storeOutput, status: 201, errors: [409, 422] },
  { method: "get", path: "/api/v1/stores/{id}", tag: "stores", summary: "One store", response: storeOutput, errors: [404] },
  { method: "patch", path: "/api/v1/stores/{id}", tag: "stores", summary: "Update store profile and bot settings (OWNER)", body: storeUpdateInput, response: storeOutput, errors: [403, 404, 422] },
  { method: "put", path: "/api/v1/stores/{id}/meta", tag: "stores", summary: "Connect the Facebook Page token (stored encrypted, never returned; OWNER)", body: metaTokenInput, response: z.object({ store_id: z.string(), page_id: z.string(), connected: z.boolean(), token_last4: z.string() }), errors: [403, 404, 422] },
  { method: "post", path: "/api/v1/stores/{id}/close", tag: "stores", summary: "The owner closes her store for good (confirm = its exact name): the operator's close — buyers' personal data erased, Page token and payment credentials deleted, the bot stopped; orders kept anonymised (OWNER)", body: closeTenantInput, response: z.object({ id: z.string(), closed_at: z.string(), buyers_erased: z.number() }), errors: [403, 404, 409, 422] },
];
