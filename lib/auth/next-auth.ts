import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Facebook from "next-auth/providers/facebook";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { authenticate } from "./authenticate";
import { tokenInput } from "./schemas";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; platformRole: "USER" | "SUPERADMIN" };
  }
}

function clientIp(headers: Record<string, string | string[] | undefined> | undefined) {
  const forwarded = headers?.["x-forwarded-for"];
  const first = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return first?.split(",")[0]?.trim() || "local";
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
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(creds, req) {
          const parsed = tokenInput.safeParse(creds ?? {});
          if (!parsed.success) return null;
          try {
            const user = await authenticate({ ...parsed.data, ip: clientIp(req?.headers) });
            return { id: user.id, email: user.email, name: user.fullName };
          } catch (err) {
            // next-auth shows this code to the sign-in page (?error=rate_limited)
            if (err instanceof AppError && err.status === 429) throw new Error("rate_limited", { cause: err });
            return null;
          }
        },
      }),
      ...(e.META_APP_ID ? [Facebook({ clientId: e.META_APP_ID, clientSecret: e.META_APP_SECRET })] : []),
    ],
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
        };
        return session;
      },
    },
  };
}
