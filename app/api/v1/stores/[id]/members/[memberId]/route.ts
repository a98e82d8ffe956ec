import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { requireStoreAccess } from "@/lib/stores/access";
import { roleInput } from "@/lib/team/schemas";
import { assertMayRemoveMember, changeMemberRole, removeMember } from "@/lib/team/change-member";

/** Roles are the owners' decision: staff cannot promote themselves or anyone else. */
export const PATCH = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const { role } = await parseJsonBody(req, roleInput);
  const m = await changeMemberRole({ storeId, membershipId: params.memberId!, role, actorId: user.id });
  return json({ id: m.id, user_id: m.userId, role: m.role });
});

/** An owner removes a member; anyone may leave a store themselves. */
export const DELETE = sellerRoute(async ({ user, params }) => {
  const access = await requireStoreAccess(user, params.id!);
  await assertMayRemoveMember({ access, membershipId: params.memberId!, userId: user.id });
  await removeMember({ storeId: access.storeId, membershipId: params.memberId!, actorId: user.id });
  return new Response(null, { status: 204 });
});
