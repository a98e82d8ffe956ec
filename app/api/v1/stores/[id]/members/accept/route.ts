import { NextResponse } from "next/server";
import { publicRoute, sellerRoute, json } from "@/lib/http/route";
import { JSON_LIMIT_BYTES, readRawBody } from "@/lib/http/body";
import { badRequest, notFound, validationError } from "@/lib/http/errors";
import { env } from "@/lib/env";
import { resolveRequestUser } from "@/lib/auth/current-user";
import { STORE_COOKIE } from "@/lib/stores/current-store";
import { INVITE_COOKIE, INVITE_TTL_DAYS, acceptInput } from "@/lib/team/schemas";
import { acceptInvitation, findInvitation } from "@/lib/team/accept-invitation";

const cookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: env().APP_URL.startsWith("https://") });

/**
 * The link in an invitation. It keeps the token in an httpOnly cookie and sends the invitee to the
 * dashboard (through sign-in or sign-up if needed), where the invitation waits to be accepted.
 */
export const GET = publicRoute(async ({ req, params }) => {
  const token = req.nextUrl.searchParams.get("token") ?? "";
  const inv = token ? await findInvitation({ token }) : null;
  const base = env().APP_URL;
  if (!inv || inv.storeId !== params.id) return NextResponse.redirect(new URL("/dashboard/invite?status=invalid", base), 303);
  const signedIn = await resolveRequestUser(req).then(() => true, () => false);
  const res = NextResponse.redirect(new URL(signedIn ? "/dashboard/invite" : "/login?callbackUrl=%2Fdashboard%2Finvite", base), 303);
  res.cookies.set(INVITE_COOKIE, token, { ...cookieOptions(), maxAge: INVITE_TTL_DAYS * 24 * 3600 });
  return res;
});

/** Joins the store: the token comes in the body, or from the cookie the link set. */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const raw = await readRawBody(req, JSON_LIMIT_BYTES);
  const parsed = acceptInput.safeParse(raw.length ? safeJson(raw) : {});
  if (!parsed.success) throw validationError(parsed.error);
  const body = parsed.data;
  const token = body.token ?? req.cookies.get(INVITE_COOKIE)?.value;
  if (!token) throw notFound("Invitation");
  const inv = await findInvitation({ token });
  if (!inv || inv.storeId !== params.id) throw notFound("Invitation");
  const joined = await acceptInvitation({ token, userId: user.id });
  const res = json(joined);
  res.cookies.delete({ name: INVITE_COOKIE, path: "/" });
  res.cookies.set(STORE_COOKIE, joined.store_id, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return res;
});

/** "Not now": forgets the invitation link in this browser (the invitation itself stays valid). */
export const DELETE = sellerRoute(async () => {
  const res = new NextResponse(null, { status: 204 });
  res.cookies.delete({ name: INVITE_COOKIE, path: "/" });
  return res;
});

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("invalid_json", "Request body is not valid JSON");
  }
}
