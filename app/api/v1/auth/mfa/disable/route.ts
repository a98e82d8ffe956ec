import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { mfaCodeInput } from "@/lib/auth/schemas";
import { disableMfa } from "@/lib/auth/mfa/disable-mfa";

export const POST = sellerRoute(async ({ req, user, ip }) => {
  const { code } = await parseJsonBody(req, mfaCodeInput);
  return json(await disableMfa({ userId: user.id, code, ip }));
});
