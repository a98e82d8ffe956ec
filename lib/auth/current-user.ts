import { getToken } from "next-auth/jwt";
import { getServerSession } from "next-auth";
import type { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { unauthorized } from "@/lib/http/errors";
import { verifyAccessToken } from "./api-tokens";
import { authOptions } from "./next-auth";

export type CurrentUser = { id: string; email: string; fullName: string; platformRole: "USER" | "SUPERADMIN"; locale: string };
export type AuthVia = "bearer" | "session";

const userSelect = { id: true, email: true, fullName: true, platformRole: true, locale: true, disabledAt: true, tokensValidAfter: true } as const;

/**
 * The user behind a credential, or null when the account is disabled or — for a dashboard session,
 * `signedInAt` in ms — the session predates a "sign out everywhere" (password reset, disabling).
 */
async function loadActiveUser(id: string, signedInAt?: number): Promise<CurrentUser | null> {
  const user = await prisma.user.findUnique({ where: { id }, select: userSelect });
  if (!user || user.disabledAt) return null;
  if (signedInAt !== undefined && user.tokensValidAfter && signedInAt < user.tokensValidAfter.getTime()) return null;
  return { id: user.id, email: user.email, fullName: user.fullName, platformRole: user.platformRole, locale: user.locale };
}

/** Resolves the caller of an API request: a Bearer access token, else the dashboard session cookie. */
export async function resolveRequestUser(req: NextRequest): Promise<{ user: CurrentUser; via: AuthVia }> {
  const header = req.headers.get("authorization");
  if (header) {
    const [scheme, token] = header.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !token) throw unauthorized("Authorization header must be 'Bearer <token>'");
    const { userId } = await verifyAccessToken(token);
    const user = await loadActiveUser(userId);
    if (!user) throw unauthorized("Account not found or disabled");
    return { user, via: "bearer" };
  }
  const jwt = await getToken({ req, secret: env().AUTH_SECRET });
  const user = typeof jwt?.uid === "string" ? await loadActiveUser(jwt.uid, Number(jwt.authAt ?? 0)) : null;
  if (!user) throw unauthorized();
  return { user, via: "session" };
}

/** For server components and server actions. */
export async function getSessionUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.id ? loadActiveUser(session.user.id, session.user.authAt ?? 0) : null;
}
