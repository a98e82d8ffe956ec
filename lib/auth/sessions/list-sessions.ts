import { prisma } from "@/lib/db";
import { describeDevice } from "./describe-device";

const ACTIVE_FOR_MS = 30 * 24 * 3600 * 1000; // the session cookie's lifetime

/** The caller's active dashboard sessions, newest activity first, the current one marked. */
export async function listSessions({ userId, currentSessionId, now = new Date() }: { userId: string; currentSessionId?: string; now?: Date }) {
  const [rows, user] = await Promise.all([
    prisma.userSession.findMany({
      where: { userId, revokedAt: null, createdAt: { gt: new Date(now.getTime() - ACTIVE_FOR_MS) } },
      orderBy: { lastSeenAt: "desc" },
      take: 50,
    }),
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { tokensValidAfter: true } }),
  ]);
  return rows
    .filter((r) => !user.tokensValidAfter || r.createdAt >= user.tokensValidAfter)
    .map((r) => ({
      id: r.id,
      ...describeDevice(r.userAgent),
      ip: r.ip,
      created_at: r.createdAt.toISOString(),
      last_seen_at: r.lastSeenAt.toISOString(),
      current: r.id === currentSessionId,
    }));
}
