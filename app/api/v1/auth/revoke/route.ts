import { publicRoute } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { refreshInput } from "@/lib/auth/schemas";
import { revokeRefreshToken } from "@/lib/auth/api-tokens";

/** Logs an API client out: the refresh token's whole family and its access tokens stop working. */
export const POST = publicRoute(async ({ req }) => {
  const { refresh_token } = await parseJsonBody(req, refreshInput);
  await revokeRefreshToken(refresh_token);
  return new Response(null, { status: 204 });
});
