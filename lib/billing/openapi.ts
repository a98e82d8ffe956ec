import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";

/** The store's plan: the API operations of this domain, documented with the schemas their routes validate with. */
export const billingOperations: Operation[] = [
  { method: "get", path: "/api/v1/stores/{id}/plan", tag: "stores", summary: "The store's plan, status and limits", errors: [404] },
  { method: "put", path: "/api/v1/stores/{id}/plan", tag: "stores", summary: "Change the plan (OWNER)", body: z.object({ plan: z.enum(["starter", "pro", "business"]) }), errors: [403, 404, 422] },
];
