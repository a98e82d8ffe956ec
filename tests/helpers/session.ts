import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

/**
 * A dashboard session exactly as next-auth opens it at sign-in: a server-side row (user_sessions) and a
 * JWT cookie carrying its id.
 */
export async function dashboardSessionFor(user: { id: string; email: string }, { userAgent = CHROME_LINUX }: { userAgent?: string } = {}) {
  const session = await prisma.userSession.create({ data: { userId: user.id, userAgent, ip: "127.0.0.1" } });
  const token = await encode({ token: { uid: user.id, sid: session.id, authAt: Date.now(), email: user.email, role: "USER", name: "Test" }, secret: env().AUTH_SECRET });
  return { cookie: `next-auth.session-token=${token}`, sessionId: session.id };
}

/** A dashboard session cookie exactly as next-auth would set it after sign-in. */
export async function sessionCookieFor(user: { id: string; email: string }) {
  return (await dashboardSessionFor(user)).cookie;
}
