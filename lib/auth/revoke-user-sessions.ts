import type { Tx } from "@/lib/db";

/**
 * Signs a user out everywhere: every API refresh-token family is revoked (which also kills their access
 * tokens, see verifyAccessToken) and dashboard session cookies issued before now stop working
 * (`tokensValidAfter`, checked on every request in current-user.ts).
 */
export async function revokeUserSessions(tx: Pick<Tx, "user" | "apiSession" | "userSession">, userId: string, at = new Date()) {
  await tx.user.update({ where: { id: userId }, data: { tokensValidAfter: at } });
  await tx.apiSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
}
