import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";

/** Members and invitations: the API operations of this domain, documented with the schemas their routes validate with. */
export const teamOperations: Operation[] = [
  { method: "get", path: "/api/v1/stores/{id}/members", tag: "team", summary: "Members and pending invitations", errors: [404] },
  { method: "post", path: "/api/v1/stores/{id}/members", tag: "team", summary: "Invite a STAFF member by email (OWNER); answers the invitation link", body: z.object({ email: z.string().email(), role: z.enum(["STAFF", "OWNER"]).optional() }), status: 201, errors: [402, 403, 404, 409, 422] },
  { method: "patch", path: "/api/v1/stores/{id}/members/{memberId}", tag: "team", summary: "Change a member's role (OWNER; a store always keeps an owner)", body: z.object({ role: z.enum(["STAFF", "OWNER"]) }), errors: [403, 404, 409] },
  { method: "delete", path: "/api/v1/stores/{id}/members/{memberId}", tag: "team", summary: "Remove a member (OWNER) or leave the store", status: 204, errors: [403, 404, 409] },
];
