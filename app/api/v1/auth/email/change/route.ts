import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { changeEmailInput } from "@/lib/auth/schemas";
import { requestEmailChange } from "@/lib/auth/email-address/request-email-change";

export const POST = sellerRoute(async ({ req, user, ip }) => {
  const input = await parseJsonBody(req, changeEmailInput);
  return json(await requestEmailChange({ userId: user.id, newEmail: input.new_email, currentPassword: input.current_password, ip }), 202);
});
