import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";

/** A dashboard session cookie exactly as next-auth would set it after sign-in. */
export async function sessionCookieFor(user: { id: string; email: string }) {
  const token = await encode({ token: { uid: user.id, email: user.email, role: "USER", name: "Test" }, secret: env().AUTH_SECRET });
  return `next-auth.session-token=${token}`;
}
