import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { createHmac } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { unauthorized } from "@/lib/http/errors";
import { randomToken, sha256 } from "@/lib/security/tokens";

const ACCESS_TTL_SECONDS = 3600;
const REFRESH_TTL_SECONDS = 30 * 24 * 3600;

// A key of its own, derived from AUTH_SECRET, so API tokens and dashboard session cookies can never be
// swapped for one another.
function accessKey() {
  return new Uint8Array(createHmac("sha256", env().AUTH_SECRET).update("lss/api-access/v1").digest());
}

async function signAccessToken({ userId, familyId, ttlSeconds = ACCESS_TTL_SECONDS }: { userId: string; familyId: string; ttlSeconds?: number }) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: familyId, typ: "access" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(accessKey());
}

export async function issueTokenPair({ userId, familyId, userAgent, ip }: { userId: string; familyId?: string; userAgent?: string | null; ip?: string | null }) {
  const refresh = randomToken(32);
  const session = await prisma.apiSession.create({
    data: {
      userId,
      familyId: familyId ?? randomToken(12),
      tokenHash: sha256(refresh),
      expiresAt: new Date(Date.now() + REFRESH_TTL_SECONDS * 1000),
      userAgent: userAgent?.slice(0, 300) ?? null,
      ip: ip ?? null,
    },
  });
  return {
    access_token: await signAccessToken({ userId, familyId: session.familyId }),
    refresh_token: refresh,
    token_type: "Bearer" as const,
    expires_in: ACCESS_TTL_SECONDS,
  };
}

/** Rotates a refresh token. Presenting one that was already used revokes its whole family (token theft). */
export async function rotateRefreshToken({ refreshToken, userAgent, ip }: { refreshToken: string; userAgent?: string | null; ip?: string | null }) {
  const session = await prisma.apiSession.findUnique({ where: { tokenHash: sha256(refreshToken) }, include: { user: true } });
  if (!session) throw unauthorized("Refresh token is invalid");
  if (session.revokedAt) throw unauthorized("Refresh token was revoked");
  if (session.expiresAt <= new Date()) throw unauthorized("Refresh token expired");
  const claimed = await prisma.apiSession.updateMany({ where: { id: session.id, usedAt: null, revokedAt: null }, data: { usedAt: new Date() } });
  if (claimed.count !== 1) {
    await revokeFamily(session.familyId);
    throw unauthorized("Refresh token was already used; all sessions of this login were revoked");
  }
  if (session.user.disabledAt) throw unauthorized("Account disabled");
  return issueTokenPair({ userId: session.userId, familyId: session.familyId, userAgent, ip });
}

async function revokeFamily(familyId: string) {
  await prisma.apiSession.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeRefreshToken(refreshToken: string) {
  const session = await prisma.apiSession.findUnique({ where: { tokenHash: sha256(refreshToken) }, select: { familyId: true } });
  if (session) await revokeFamily(session.familyId);
}

/** Verifies signature, expiry and that the login (token family) has not been revoked. */
export async function verifyAccessToken(token: string): Promise<{ userId: string; familyId: string }> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, accessKey(), { algorithms: ["HS256"] }));
  } catch (e) {
    throw unauthorized(e instanceof joseErrors.JWTExpired ? "Access token expired" : "Access token is invalid");
  }
  if (payload.typ !== "access" || typeof payload.sub !== "string" || typeof payload.sid !== "string") throw unauthorized("Access token is invalid");
  const revoked = await prisma.apiSession.findFirst({ where: { familyId: payload.sid, revokedAt: { not: null } }, select: { id: true } });
  if (revoked) throw unauthorized("Access token was revoked");
  return { userId: payload.sub, familyId: payload.sid };
}
