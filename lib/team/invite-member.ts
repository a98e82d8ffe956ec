import type { StoreRole } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { conflict } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertWithinPlan } from "@/lib/billing/limits";
import { randomToken, sha256 } from "@/lib/security/tokens";
import { queueEmail } from "@/lib/email/queue-email";
import { INVITE_TTL_DAYS } from "./schemas";

/**
 * The link an invitee opens: a page that shows the invitation, and sends a signed-out invitee to sign up
 * (or sign in) with the invitation on screen; they join the store as soon as they are signed in.
 */
export function invitationUrl({ appUrl, token }: { appUrl: string; token: string }) {
  return `${appUrl}/invite/${encodeURIComponent(token)}`;
}

/**
 * Invites someone to the store: the link (which holds the only copy of the token; the database keeps its
 * hash) is emailed to the invitee in the store's language and also returned, so the owner can share it
 * another way. Inviting the same address again replaces the pending invitation: only the newest link works.
 */
export async function inviteMember({ storeId, email, role, invitedBy, appUrl, now = new Date() }: { storeId: string; email: string; role: StoreRole; invitedBy: string; appUrl: string; now?: Date }) {
  const already = await prisma.membership.findFirst({ where: { storeId, user: { email: { equals: email, mode: "insensitive" } } }, select: { id: true } });
  if (already) throw conflict("already_member", `${email} is already a member of this store`, [{ field: "email", code: "already_member", message: "is already a member" }]);
  await assertWithinPlan({ storeId, resource: "staff", adding: 1 });
  const token = randomToken(24);
  const invitation = await prisma.$transaction(async (tx) => {
    await tx.invitation.deleteMany({ where: { storeId, email, acceptedAt: null } });
    const inv = await tx.invitation.create({ data: { storeId, email, role, tokenHash: sha256(token), invitedBy, expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 3600 * 1000) } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId: invitedBy, action: "member.invited", entityType: "invitation", entityId: inv.id, data: { email, role } });
    return inv;
  });
  const [store, inviter] = await Promise.all([
    prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { name: true, locale: true } }),
    prisma.user.findUnique({ where: { id: invitedBy }, select: { fullName: true } }),
  ]);
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true, locale: true } });
  await queueEmail({
    to: email,
    userId: existing?.id ?? null,
    template: "invitation",
    locale: existing?.locale ?? store.locale,
    vars: { store: store.name, inviter: inviter?.fullName || store.name },
    link: invitationUrl({ appUrl, token }),
  });
  return { id: invitation.id, email, role, expires_at: invitation.expiresAt.toISOString(), invite_url: invitationUrl({ appUrl, token }) };
}
