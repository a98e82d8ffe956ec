import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { mfaCodeInput } from "@/lib/auth/schemas";
import { enableMfa } from "@/lib/auth/mfa/enable-mfa";

export const POST = sellerRoute(async ({ req, user, ip }) => {
  const { code } = await parseJsonBody(req, mfaCodeInput);
  return json(await enableMfa({ userId: user.id, code, ip }));
});
