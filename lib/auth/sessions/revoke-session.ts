import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/errors";

/** The session's own sign-out: its row is revoked, so the cookie stops working even if it was copied. */
export async function endDashboardSession({ sessionId }: { sessionId: string }) {
  await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Revokes one of the caller's dashboard sessions (Settings → Security). Effective at that session's next
 * request. Another user's session id answers 404, like a missing one.
 */
export async function revokeSession({ userId, sessionId, ip }: { userId: string; sessionId: string; ip?: string | null }) {
  await prisma.$transaction(async (tx) => {
    const revoked = await tx.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) {
      const exists = await tx.userSession.findFirst({ where: { id: sessionId, userId }, select: { id: true } });
      if (!exists) throw notFound("Session");
      return;
    }
    await recordAudit(tx, { actorType: "USER", actorId: userId, action: "user.session_revoked", entityType: "user", entityId: userId, ip: ip ?? null, data: { session_id: sessionId } });
  });
  return { id: sessionId, revoked: true };
}

/**
 * "Sign out the other sessions": every dashboard session of the caller except the current one, and every
 * API refresh-token family (their access tokens die with them), end now.
 */
export async function revokeOtherSessions({ userId, currentSessionId, ip }: { userId: string; currentSessionId?: string; ip?: string | null }) {
  const now = new Date();
  const count = await prisma.$transaction(async (tx) => {
    const sessions = await tx.userSession.updateMany({ where: { userId, revokedAt: null, ...(currentSessionId && { id: { not: currentSessionId } }) }, data: { revokedAt: now } });
    const api = await tx.apiSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, { actorType: "USER", actorId: userId, action: "user.sessions_revoked", entityType: "user", entityId: userId, ip: ip ?? null, data: { dashboard: sessions.count, api: api.count } });
    return sessions.count;
  });
  return { revoked: count };
}
