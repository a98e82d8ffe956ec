import { prisma } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertWithinPlan } from "@/lib/billing/limits";
import { sha256 } from "@/lib/security/tokens";

/** A pending invitation by its token, with the store it opens (for the "join this store?" prompt). */
export async function findInvitation({ token, now = new Date() }: { token: string; now?: Date }) {
  const inv = await prisma.invitation.findUnique({ where: { tokenHash: sha256(token) }, include: { store: { select: { id: true, name: true } } } });
  if (!inv || inv.acceptedAt || inv.expiresAt <= now) return null;
  return inv;
}

/**
 * The signed-in user joins the store with the invited role. The token is the proof (it was only ever in
 * the shared link); used or expired tokens answer 404, and joining twice is a no-op.
 */
export async function acceptInvitation({ token, userId, now = new Date() }: { token: string; userId: string; now?: Date }) {
  const inv = await findInvitation({ token, now });
  if (!inv) throw notFound("Invitation");
  const existing = await prisma.membership.findUnique({ where: { userId_storeId: { userId, storeId: inv.storeId } } });
  if (!existing) await assertWithinPlan({ storeId: inv.storeId, resource: "staff", adding: 1 });
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null }, data: { acceptedAt: now } });
    if (claimed.count === 0) throw new AppError(404, "not_found", "Invitation not found");
    const membership = existing ?? (await tx.membership.create({ data: { userId, storeId: inv.storeId, role: inv.role } }));
    await recordAudit(tx, { storeId: inv.storeId, actorType: "USER", actorId: userId, action: "member.joined", entityType: "membership", entityId: membership.id, data: { role: membership.role, invitationId: inv.id } });
    return { store_id: inv.storeId, store_name: inv.store.name, role: membership.role };
  });
}
