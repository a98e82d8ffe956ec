import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { registerInput, tokenInput, refreshInput, tokenPairOutput } from "./schemas";

/** Sign-up and tokens: the API operations of this domain, documented with the schemas their routes validate with. */
export const authOperations: Operation[] = [
  { method: "post", path: "/api/v1/auth/register", tag: "auth", summary: "Create an account", body: registerInput, response: z.object({ user_id: z.string() }), status: 201, auth: false, errors: [409, 422, 429] },
  { method: "post", path: "/api/v1/auth/token", tag: "auth", summary: "Exchange email + password for an access token (1 h) and a refresh token (30 d)", body: tokenInput, response: tokenPairOutput, auth: false, errors: [401, 422, 429] },
  { method: "post", path: "/api/v1/auth/refresh", tag: "auth", summary: "Rotate a refresh token; a reused token revokes the login", body: refreshInput, response: tokenPairOutput, auth: false, errors: [401] },
  { method: "post", path: "/api/v1/auth/revoke", tag: "auth", summary: "Revoke a login (refresh token family and its access tokens)", body: refreshInput, status: 204, auth: false },
];
