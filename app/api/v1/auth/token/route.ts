import { publicRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { tokenInput } from "@/lib/auth/schemas";
import { authenticate } from "@/lib/auth/authenticate";
import { signInTokens } from "@/lib/auth/sign-in-tokens";

export const POST = publicRoute(async ({ req, ip }) => {
  const input = await parseJsonBody(req, tokenInput);
  const user = await authenticate({ ...input, ip });
  return json(await signInTokens({ userId: user.id, userAgent: req.headers.get("user-agent"), ip }));
});
