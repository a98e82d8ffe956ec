import { prisma } from "@/lib/db";

const TOUCH_EVERY_MS = 60_000;

/** "Last seen" of a dashboard session, written at most once a minute (not a write per request). */
export async function touchDashboardSession({ sessionId, lastSeenAt, now = new Date() }: { sessionId: string; lastSeenAt: Date; now?: Date }) {
  if (now.getTime() - lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
  await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
}
