import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { commentChoiceInput } from "./schemas";

/** Manual takeover from the Live Control Center: the API operations of this domain, documented with the schemas their routes validate with. */
export const liveControlOperations: Operation[] = [
  { method: "get", path: "/api/v1/buyers/{id}", tag: "live", summary: "A buyer with their conversation (manual takeover) and, for the Buyers profile, their summary (segment, risk, spend), orders and waitlist", errors: [404] },
  { method: "post", path: "/api/v1/buyers/{id}/messages", tag: "live", summary: "Send a DM as the seller (inside the 24 h window, else the private reply to their latest comment)", body: z.object({ text: z.string().min(1).max(2000) }), status: 201, errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/lives/{id}/takeover/comments/{commentId}", tag: "live", summary: "Correct the AI's reading of a comment and create or fix the buyer's cart", errors: [400, 404, 422] },
  { method: "post", path: "/api/v1/lives/{id}/comments/{commentId}/choose", tag: "live", summary: "Review queue: reserve one of the comment's candidates for the buyer and send the cart (the same path as the buyer's quick-reply tap; once per comment)", body: commentChoiceInput, errors: [404, 409, 422] },
  { method: "put", path: "/api/v1/lives/{id}/takeover/carts/{orderId}", tag: "live", summary: "Set the quantity of a cart line (0 removes it; an empty cart is cancelled)", errors: [400, 404, 422] },
];
