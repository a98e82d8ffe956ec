import { publicRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { refreshInput } from "@/lib/auth/schemas";
import { rotateRefreshToken } from "@/lib/auth/api-tokens";

export const POST = publicRoute(async ({ req, ip }) => {
  const { refresh_token } = await parseJsonBody(req, refreshInput);
  return json(await rotateRefreshToken({ refreshToken: refresh_token, userAgent: req.headers.get("user-agent"), ip }));
});
