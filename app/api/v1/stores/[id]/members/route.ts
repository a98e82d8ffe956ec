import { sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { env } from "@/lib/env";
import { requireStoreAccess } from "@/lib/stores/access";
import { inviteInput } from "@/lib/team/schemas";
import { listMembers } from "@/lib/team/members";
import { inviteMember } from "@/lib/team/invite-member";

export const GET = sellerRoute(async ({ user, params }) => {
  const access = await requireStoreAccess(user, params.id!);
  return json(await listMembers({ storeId: access.storeId, viewer: { id: user.id, role: access.role } }));
});

/** Owners invite teammates; the answer carries the one-time link to share (no email is sent). */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const { storeId } = await requireStoreAccess(user, params.id!, ["OWNER"]);
  const input = await parseJsonBody(req, inviteInput);
  return json(await inviteMember({ storeId, email: input.email, role: input.role, invitedBy: user.id, appUrl: env().APP_URL }), 201);
});
