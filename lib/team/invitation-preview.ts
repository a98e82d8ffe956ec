import type { StoreRole } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { findInvitation } from "./accept-invitation";

export type InvitationPreview = { token: string; storeId: string; storeName: string; role: StoreRole; email: string; inviterName: string | null };

/**
 * What an invitee is shown before joining (store, role, who invited them), for a token from the link.
 * Null for a malformed, used, revoked or expired token: the pages then say the link no longer works.
 */
export async function invitationPreview({ token, now = new Date() }: { token: string | null | undefined; now?: Date }): Promise<InvitationPreview | null> {
  if (!token || token.length < 20 || token.length > 200) return null;
  const inv = await findInvitation({ token, now });
  if (!inv) return null;
  const inviter = await prisma.user.findUnique({ where: { id: inv.invitedBy }, select: { fullName: true } });
  return { token, storeId: inv.storeId, storeName: inv.store.name, role: inv.role, email: inv.email, inviterName: inviter?.fullName ?? null };
}
