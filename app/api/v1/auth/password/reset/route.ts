import { publicRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { resetPasswordInput } from "@/lib/auth/schemas";
import { resetPassword } from "@/lib/auth/reset-password";

export const POST = publicRoute(async ({ req, ip }) => {
  const { token, password } = await parseJsonBody(req, resetPasswordInput);
  return json(await resetPassword({ token, password, ip }));
});
