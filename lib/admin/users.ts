import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { userListQuery } from "./schemas";

const userInclude = {
  memberships: { select: { role: true, store: { select: { id: true, name: true } } } },
  sessions: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
} satisfies Prisma.UserInclude;
type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>;

function toUserDto(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.fullName,
    platform_role: u.platformRole,
    status: u.disabledAt ? "disabled" : "active",
    disabled: Boolean(u.disabledAt),
    stores: u.memberships.map((m) => ({ id: m.store.id, name: m.store.name, role: m.role })),
    // The newest token login; dashboard (cookie) sign-ins are not stored as rows.
    last_sign_in_at: u.sessions[0]?.createdAt.toISOString() ?? null,
    created_at: u.createdAt.toISOString(),
  };
}

/** Users across every tenant: search by email or name, filter active/disabled, paginated with an exact total. */
export async function listUsers({ q, status, limit, offset }: z.output<typeof userListQuery>) {
  const where: Prisma.UserWhereInput = {
    AND: [
      q ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { fullName: { contains: q, mode: "insensitive" } }, { id: q }] } : {},
      status === "disabled" ? { disabledAt: { not: null } } : status === "active" ? { disabledAt: null } : {},
    ],
  };
  const [total, users] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: limit, skip: offset, include: userInclude }),
  ]);
  return { items: users.map(toUserDto), total, limit, offset };
}

/**
 * Disables or re-enables an account. Disabling takes effect on the next request: lib/auth refuses a
 * disabled user at sign-in (authenticate), on every access token and session cookie (loadActiveUser)
 * and on refresh (rotateRefreshToken); every refresh token is also revoked here, so re-enabling does
 * not revive old logins.
 */
export async function setUserDisabled({ userId, disabled, actorId, now = new Date() }: { userId: string; disabled: boolean; actorId: string; now?: Date }) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, disabledAt: true } });
  if (!user) throw notFound("User");
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? (user.disabledAt ?? now) : null } });
    if (disabled) await tx.apiSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, { actorType: "USER", actorId, action: disabled ? "user.disabled" : "user.enabled", entityType: "user", entityId: userId });
  });
  const updated = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: userInclude });
  return toUserDto(updated);
}
