import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { decryptJson, encryptJson } from "@/lib/security/encryption";
import { setMetaPageToken } from "@/lib/stores/stores";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { prisma } from "@/lib/db";
import { subscribePageToApp, type FacebookPage } from "./meta-oauth";
import { checkPageToken } from "./check-page-token";

const META_STATE_COOKIE = "lss_meta_state";
const META_PAGES_COOKIE = "lss_meta_pages";
const TEN_MINUTES = 600;

const stateSchema = z.object({ state: z.string(), storeId: z.string(), userId: z.string() });
const pagesSchema = z.object({ storeId: z.string(), userId: z.string(), pages: z.array(z.object({ id: z.string(), name: z.string(), access_token: z.string(), missing_permissions: z.array(z.string()).default([]) })), exp: z.number() });

/** A fresh OAuth state bound to the store and user, kept encrypted in a short-lived httpOnly cookie. */
export async function beginMetaOAuth({ storeId, userId, secure }: { storeId: string; userId: string; secure: boolean }) {
  const state = randomBytes(18).toString("base64url");
  (await cookies()).set(META_STATE_COOKIE, encryptJson({ state, storeId, userId }), { httpOnly: true, sameSite: "lax", secure, path: "/dashboard/onboarding", maxAge: TEN_MINUTES });
  return state;
}

/** The store the callback belongs to, if its state matches the cookie (otherwise a forged or stale callback). */
export async function checkMetaOAuthState({ state, userId }: { state: string | null; userId: string }) {
  const jar = await cookies();
  const raw = jar.get(META_STATE_COOKIE)?.value;
  jar.delete({ name: META_STATE_COOKIE, path: "/dashboard/onboarding" });
  if (!raw || !state) return null;
  try {
    const saved = stateSchema.parse(decryptJson(raw));
    return saved.state === state && saved.userId === userId ? saved.storeId : null;
  } catch {
    return null;
  }
}

/** Several Pages: remember them (encrypted, ten minutes) until the seller picks one. */
export async function rememberPages({ storeId, userId, pages, secure }: { storeId: string; userId: string; pages: FacebookPage[]; secure: boolean }) {
  (await cookies()).set(META_PAGES_COOKIE, encryptJson({ storeId, userId, pages, exp: Date.now() + TEN_MINUTES * 1000 }), { httpOnly: true, sameSite: "lax", secure, path: "/dashboard", maxAge: TEN_MINUTES });
}

export async function rememberedPages({ storeId, userId }: { storeId: string; userId: string }): Promise<FacebookPage[]> {
  const raw = (await cookies()).get(META_PAGES_COOKIE)?.value;
  if (!raw) return [];
  try {
    const saved = pagesSchema.parse(decryptJson(raw));
    return saved.storeId === storeId && saved.userId === userId && saved.exp > Date.now() ? saved.pages : [];
  } catch {
    return [];
  }
}

export async function forgetPages() {
  (await cookies()).delete({ name: META_PAGES_COOKIE, path: "/dashboard" });
}

/**
 * Connects the chosen Page: its token is stored encrypted, the app subscribes to its webhooks, Meta is
 * asked about the token (debug_token: expiry, scopes) and the step is done.
 */
export async function connectFacebookPage({ storeId, userId, page, graphApiUrl }: { storeId: string; userId: string; page: FacebookPage; graphApiUrl: string }) {
  await subscribePageToApp({ graphApiUrl, pageId: page.id, pageToken: page.access_token });
  await setMetaPageToken({ storeId, actorId: userId, input: { page_id: page.id, page_name: page.name, page_access_token: page.access_token } });
  // What the seller declined in the dialog: the store shows missing_permissions (and which) until a reconnect grants them.
  await prisma.metaConnection.update({ where: { storeId }, data: { missingPermissions: page.missing_permissions } });
  forgetPageCredentials(storeId);
  // The seller sees the result on screen: no email at connection. Meta unreachable here is not worth failing the connection over.
  const check = await checkPageToken({ storeId, notify: false }).catch(() => "unchecked" as const);
  // debug_token reads the token's own scopes; keep what /me/permissions reported declined as well.
  // The seller was shown what is missing, so the daily check does not email about it again.
  if (check !== "disconnected") {
    const conn = await prisma.metaConnection.findUniqueOrThrow({ where: { storeId }, select: { missingPermissions: true } });
    const merged = [...new Set([...conn.missingPermissions, ...page.missing_permissions])];
    if (merged.length > 0) await prisma.metaConnection.update({ where: { storeId }, data: { missingPermissions: merged, permissionsWarnedAt: new Date() } });
  }
  await prisma.store.updateMany({ where: { id: storeId, onboardingStep: { lt: 2 } }, data: { onboardingStep: 2 } });
}
