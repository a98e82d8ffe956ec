import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { queueEmail } from "@/lib/email/queue-email";
import { conflict, fieldError } from "@/lib/http/errors";
import { verifyPassword } from "./password";

/**
 * "Delete my account": the password is required, and a store's only owner must first make another member
 * owner (Settings → Team) or close the store (Settings → Close the store) — an open store is never left
 * without one (409 `sole_owner`, naming the stores). A closed store does not hold its owner back. The
 * user row goes with its sessions, tokens, MFA codes, memberships and the emails on record for the account;
 * each store's audit keeps an anonymous row. A last notice goes to the address.
 */
export async function deleteAccount({ userId, password, ip }: { userId: string; password: string; ip?: string | null }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, locale: true, passwordHash: true, platformRole: true } });
  if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash))) throw fieldError("password", "wrong_password", "is not the current password");
  if (user.platformRole === "SUPERADMIN") throw conflict("superadmin_account", "A platform admin account cannot delete itself");
  await prisma.$transaction(async (tx) => {
    const memberships = await tx.membership.findMany({ where: { userId }, select: { storeId: true, role: true, store: { select: { name: true, closedAt: true } } } });
    const owned = memberships.filter((m) => m.role === "OWNER" && !m.store.closedAt).map((m) => m.storeId);
    if (owned.length > 0) {
      // Lock the owned stores' memberships: an owner demoting the other at the same time must not leave none.
      await tx.$queryRaw`SELECT id FROM memberships WHERE "storeId" = ANY(${owned}) ORDER BY id FOR UPDATE`;
      const others = await tx.membership.groupBy({ by: ["storeId"], where: { storeId: { in: owned }, role: "OWNER", userId: { not: userId } }, _count: true });
      const sole = memberships.filter((m) => m.role === "OWNER" && !m.store.closedAt && !others.some((o) => o.storeId === m.storeId));
      if (sole.length > 0) {
        throw conflict("sole_owner", "You are the only owner of a store: make another member owner first (Settings → Team), or close the store", sole.map((m) => ({ field: "store", code: "sole_owner", store_id: m.storeId, store_name: m.store.name })));
      }
    }
    for (const m of memberships) await recordAudit(tx, { storeId: m.storeId, actorType: "USER", actorId: userId, action: "member.account_deleted", entityType: "user", entityId: userId, ip: ip ?? null, data: { role: m.role } });
    await tx.email.deleteMany({ where: { OR: [{ userId }, { to: user.email }] } });
    await tx.invitation.deleteMany({ where: { email: user.email, acceptedAt: null } });
    await tx.user.delete({ where: { id: userId } });
  });
  await queueEmail({ to: user.email, userId: null, template: "account_deleted", locale: user.locale, vars: { email: user.email } });
  return { deleted: true };
}
