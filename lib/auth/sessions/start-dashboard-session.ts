import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { noticeNewDevice } from "./notice-new-device";

/**
 * A dashboard sign-in: one user_sessions row (its id goes into the session cookie, so the session can be
 * listed and revoked server-side), an audit row, and a new-device notice by email when this browser has
 * never signed in to the account before.
 */
export async function startDashboardSession({ userId, userAgent, ip }: { userId: string; userAgent?: string | null; ip?: string | null }) {
  const ua = userAgent?.slice(0, 300) || null;
  const notice = await noticeNewDevice({ userId, userAgent: ua, ip: ip ?? null });
  const session = await prisma.$transaction(async (tx) => {
    const row = await tx.userSession.create({ data: { userId, userAgent: ua, ip: ip ?? null }, select: { id: true } });
    await recordAudit(tx, { actorType: "USER", actorId: userId, action: "user.signed_in", entityType: "user", entityId: userId, ip: ip ?? null, data: { session_id: row.id, new_device: notice.sent } });
    return row;
  });
  return { sessionId: session.id, newDevice: notice.sent };
}
