import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { changePasswordInput } from "@/lib/auth/schemas";
import { changePassword } from "@/lib/auth/change-password";

export const POST = sellerRoute(async ({ req, user, ip }) => {
  const input = await parseJsonBody(req, changePasswordInput);
  return json(await changePassword({ userId: user.id, currentPassword: input.current_password, newPassword: input.new_password, ip }));
});
