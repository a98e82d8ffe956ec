import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { buyerExportQuery, buyerListItem, buyerListQuery, buyerPatchInput } from "./schemas";

/** The store's buyers as a CRM: the API operations of this domain, documented with the schemas their routes validate with. */
export const buyerOperations: Operation[] = [
  { method: "get", path: "/api/v1/buyers", tag: "buyers", summary: "The store's buyers: paid and unpaid orders, spend, segment and risk", query: buyerListQuery, response: z.object({ items: z.array(buyerListItem), total: z.number().int() }), errors: [404, 422] },
  { method: "get", path: "/api/v1/buyers/export", tag: "buyers", summary: "The filtered buyers as CSV (text/csv), headers in the dashboard's language", query: buyerExportQuery, errors: [404, 422] },
  { method: "patch", path: "/api/v1/buyers/{id}", tag: "buyers", summary: "Block or unblock a buyer (their comments never reserve), notes, tags; bot_paused is the manual takeover", body: buyerPatchInput, errors: [404, 422] },
];
