import { sellerRoute } from "@/lib/http/route";
import { requireStoreAccess } from "@/lib/stores/access";
import { revokeInvitation } from "@/lib/team/change-member";

export const DELETE = sellerRoute(async ({ user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  await revokeInvitation({ storeId, invitationId: params.invitationId!, actorId: user.id });
  return new Response(null, { status: 204 });
});
