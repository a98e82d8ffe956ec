import { getToken } from "next-auth/jwt";
import { getServerSession } from "next-auth";
import type { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { unauthorized } from "@/lib/http/errors";
import { verifyAccessToken } from "./api-tokens";
import { authOptions } from "./next-auth";
import { touchDashboardSession } from "./sessions/touch-dashboard-session";

export type CurrentUser = {
  id: string;
  email: string;
  fullName: string;
  platformRole: "USER" | "SUPERADMIN";
  locale: string;
  emailVerified: boolean;
  mfaEnabled: boolean;
  /** The dashboard session (user_sessions row) behind a cookie; absent for a Bearer token. */
  sessionId?: string;
};
export type AuthVia = "bearer" | "session";

const userSelect = { id: true, email: true, fullName: true, platformRole: true, locale: true, disabledAt: true, tokensValidAfter: true, emailVerifiedAt: true, mfaEnabledAt: true } as const;

type UserRow = { id: string; email: string; fullName: string; platformRole: "USER" | "SUPERADMIN"; locale: string; disabledAt: Date | null; emailVerifiedAt: Date | null; mfaEnabledAt: Date | null };

function toCurrentUser(user: UserRow, sessionId?: string): CurrentUser | null {
  if (user.disabledAt) return null;
  return { id: user.id, email: user.email, fullName: user.fullName, platformRole: user.platformRole, locale: user.locale, emailVerified: user.emailVerifiedAt !== null, mfaEnabled: user.mfaEnabledAt !== null, ...(sessionId && { sessionId }) };
}

/** The user behind an API access token, or null when the account is disabled. */
async function loadTokenUser(id: string) {
  const user = await prisma.user.findUnique({ where: { id }, select: userSelect });
  return user ? toCurrentUser(user) : null;
}

/**
 * The user behind a dashboard session cookie, or null: the session row must exist, belong to the user and
 * not be revoked (revoking one session in Settings → Security ends it at its next request), the account must
 * be active, and the session must not predate a "sign out everywhere" (password reset, disabling).
 */
async function loadSessionUser({ uid, sid, signedInAt }: { uid: string; sid: unknown; signedInAt: number }): Promise<CurrentUser | null> {
  if (typeof sid !== "string" || !sid) return null;
  const session = await prisma.userSession.findUnique({ where: { id: sid }, select: { userId: true, revokedAt: true, lastSeenAt: true, user: { select: userSelect } } });
  if (!session || session.revokedAt || session.userId !== uid) return null;
  const { tokensValidAfter } = session.user;
  if (tokensValidAfter && signedInAt < tokensValidAfter.getTime()) return null;
  const user = toCurrentUser(session.user, sid);
  if (user) await touchDashboardSession({ sessionId: sid, lastSeenAt: session.lastSeenAt });
  return user;
}

/** Resolves the caller of an API request: a Bearer access token, else the dashboard session cookie. */
export async function resolveRequestUser(req: NextRequest): Promise<{ user: CurrentUser; via: AuthVia }> {
  const header = req.headers.get("authorization");
  if (header) {
    const [scheme, token] = header.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !token) throw unauthorized("Authorization header must be 'Bearer <token>'");
    const { userId } = await verifyAccessToken(token);
    const user = await loadTokenUser(userId);
    if (!user) throw unauthorized("Account not found or disabled");
    return { user, via: "bearer" };
  }
  const jwt = await getToken({ req, secret: env().AUTH_SECRET });
  const user = typeof jwt?.uid === "string" ? await loadSessionUser({ uid: jwt.uid, sid: jwt.sid, signedInAt: Number(jwt.authAt ?? 0) }) : null;
  if (!user) throw unauthorized();
  return { user, via: "session" };
}

/** For server components and server actions. */
export async function getSessionUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.id ? loadSessionUser({ uid: session.user.id, sid: session.user.sid, signedInAt: session.user.authAt ?? 0 }) : null;
}
