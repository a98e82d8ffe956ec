import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Facebook from "next-auth/providers/facebook";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { authenticate } from "./authenticate";
import { clientAddress } from "@/lib/http/client-address";
import { tokenInput } from "./schemas";
import { endDashboardSession } from "./sessions/revoke-session";
import { startDashboardSession } from "./sessions/start-dashboard-session";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; platformRole: "USER" | "SUPERADMIN"; authAt?: number; sid?: string };
  }
}

type Headers = Record<string, string | string[] | undefined> | undefined;

function clientIp(headers: Headers) {
  return clientAddress((name) => {
    const v = headers?.[name];
    return Array.isArray(v) ? v.join(",") : v;
  });
}

/** Dashboard sessions: email + password always; Facebook login when META_APP_ID is configured. */
export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/login" },
    providers: [
      Credentials({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, mfa_code: { label: "Code", type: "text" } },
        async authorize(creds, req) {
          const parsed = tokenInput.safeParse({ ...creds, mfa_code: creds?.mfa_code || undefined });
          if (!parsed.success) return null;
          try {
            const ip = clientIp(req?.headers);
            const user = await authenticate({ ...parsed.data, ip });
            const ua = req?.headers?.["user-agent"];
            // The jwt callback opens the server-side session with these.
            return { id: user.id, email: user.email, name: user.fullName, ip, userAgent: Array.isArray(ua) ? ua[0] : ua } as { id: string; email: string; name: string };
          } catch (err) {
            // next-auth hands these codes to the sign-in page (?error=rate_limited, mfa_required, invalid_mfa_code)
            if (err instanceof AppError && (err.status === 429 || err.code === "mfa_required" || err.code === "invalid_mfa_code")) throw new Error(err.status === 429 ? "rate_limited" : err.code, { cause: err });
            return null;
          }
        },
      }),
      ...(e.META_APP_ID ? [Facebook({ clientId: e.META_APP_ID, clientSecret: e.META_APP_SECRET })] : []),
    ],
    events: {
      // Signing out ends the server-side session too (the cookie could otherwise be replayed until it expires).
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endDashboardSession({ sessionId: token.sid });
      },
    },
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "facebook") return true;
        // A Facebook login attaches to the account with the same email, or creates one.
        const email = user.email?.toLowerCase();
        if (!email) return false;
        await prisma.user.upsert({
          where: { email },
          update: { facebookId: account.providerAccountId },
          create: { email, fullName: user.name ?? email, facebookId: account.providerAccountId },
        });
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          const row = account?.provider === "facebook"
            ? await prisma.user.findUnique({ where: { email: user.email!.toLowerCase() } })
            : await prisma.user.findUnique({ where: { id: user.id } });
          if (row) {
            const { ip, userAgent } = user as { ip?: string; userAgent?: string };
            token.sid = (await startDashboardSession({ userId: row.id, userAgent, ip })).sessionId;
            token.authAt = Date.now();
            token.uid = row.id;
            token.role = row.platformRole;
            token.name = row.fullName;
          }
        }
        return token;
      },
      async session({ session, token }) {
        session.user = {
          id: String(token.uid ?? ""),
          email: String(token.email ?? ""),
          name: String(token.name ?? ""),
          platformRole: token.role === "SUPERADMIN" ? "SUPERADMIN" : "USER",
          authAt: Number(token.authAt ?? 0),
          ...(typeof token.sid === "string" && { sid: token.sid }),
        };
        return session;
      },
    },
  };
}
