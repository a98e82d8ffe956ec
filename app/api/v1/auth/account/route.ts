import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { deleteAccountInput } from "@/lib/auth/schemas";
import { deleteAccount } from "@/lib/auth/delete-account";

/** Delete my account (password required; a store's only owner gets 409 sole_owner). */
export const DELETE = sellerRoute(async ({ req, user, ip }) => {
  const { password } = await parseJsonBody(req, deleteAccountInput);
  return json(await deleteAccount({ userId: user.id, password, ip }));
});
