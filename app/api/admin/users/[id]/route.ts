import { adminRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { setUserDisabled } from "@/lib/admin/users";
import { userUpdateInput } from "@/lib/admin/schemas";

export const PATCH = adminRoute(async ({ req, user, params }) => {
  const { disabled } = await parseJsonBody(req, userUpdateInput);
  return json(await setUserDisabled({ userId: params.id!, disabled, actorId: user.id }));
});
