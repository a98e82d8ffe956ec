import type { StoreRole } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, ownerRequired } from "@/lib/stores/permissions";
import type { StoreAccess } from "@/lib/stores/access";

async function lockMembership(tx: Tx, storeId: string, membershipId: string) {
  // Lock every membership of the store: two owners demoting each other at once must not leave none.
  const rows = await tx.$queryRaw<{ id: string; userId: string; role: StoreRole }[]>`
    SELECT id, "userId", role FROM memberships WHERE "storeId" = ${storeId} ORDER BY id FOR UPDATE`;
  const target = rows.find((r) => r.id === membershipId);
  if (!target) throw notFound("Member");
  return { target, owners: rows.filter((r) => r.role === "OWNER").length };
}

/** Changes a member's role; the store always keeps at least one owner. */
export async function changeMemberRole({ storeId, membershipId, role, actorId }: { storeId: string; membershipId: string; role: StoreRole; actorId: string }) {
  return prisma.$transaction(async (tx) => {
    const { target, owners } = await lockMembership(tx, storeId, membershipId);
    if (target.role === "OWNER" && role !== "OWNER" && owners <= 1) throw conflict("last_owner", "A store needs at least one owner: make someone else owner first");
    const m = await tx.membership.update({ where: { id: membershipId }, data: { role } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "member.role_changed", entityType: "membership", entityId: membershipId, data: { from: target.role, to: role, userId: target.userId, before: { role: target.role }, after: { role } } });
    return m;
  });
}

/** Removes a member (an owner removing someone, or anyone leaving); never the last owner. */
export async function removeMember({ storeId, membershipId, actorId }: { storeId: string; membershipId: string; actorId: string }) {
  await prisma.$transaction(async (tx) => {
    const { target, owners } = await lockMembership(tx, storeId, membershipId);
    if (target.role === "OWNER" && owners <= 1) {
      throw conflict("last_owner", target.userId === actorId ? "You are the only owner of this store: make someone else owner before leaving" : "A store needs at least one owner: make someone else owner first");
    }
    await tx.membership.delete({ where: { id: membershipId } });
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "member.removed", entityType: "membership", entityId: membershipId, data: { userId: target.userId, role: target.role } });
  });
}

export async function revokeInvitation({ storeId, invitationId, actorId }: { storeId: string; invitationId: string; actorId: string }) {
  await prisma.$transaction(async (tx) => {
    const removed = await tx.invitation.deleteMany({ where: { id: invitationId, storeId, acceptedAt: null } });
    if (removed.count === 0) throw notFound("Invitation");
    await recordAudit(tx, { storeId, actorType: "USER", actorId, action: "member.invitation_revoked", entityType: "invitation", entityId: invitationId });
  });
}

/** An owner removes anyone; any other member may only leave (remove their own membership). */
export async function assertMayRemoveMember({ access, membershipId, userId }: { access: StoreAccess; membershipId: string; userId: string }) {
  if (can(access.role, "team.manage")) return;
  const self = await prisma.membership.findFirst({ where: { id: membershipId, storeId: access.storeId, userId }, select: { id: true } });
  if (!self) throw ownerRequired("team.manage");
}
