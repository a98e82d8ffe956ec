import { NextResponse } from "next/server";
import { publicRoute, sellerRoute, json } from "@/lib/http/route";
import { parseJsonBody } from "@/lib/http/body";
import { notFound } from "@/lib/http/errors";
import { env } from "@/lib/env";
import { STORE_COOKIE } from "@/lib/stores/current-store";
import { acceptInput } from "@/lib/team/schemas";
import { acceptInvitation, findInvitation } from "@/lib/team/accept-invitation";

/** Links shared before invitations became pages (`/invite/<token>`) keep working: they open that page. */
export const GET = publicRoute(async ({ req }) => {
  const token = req.nextUrl.searchParams.get("token") ?? "";
  return NextResponse.redirect(new URL(`/invite/${encodeURIComponent(token)}`, env().APP_URL), 303);
});

/** Joins the store with the token from the invitation link; the store becomes the dashboard's current one. */
export const POST = sellerRoute(async ({ req, user, params }) => {
  const { token } = await parseJsonBody(req, acceptInput);
  const inv = await findInvitation({ token });
  if (!inv || inv.storeId !== params.id) throw notFound("Invitation");
  const joined = await acceptInvitation({ token, userId: user.id });
  const res = json(joined);
  res.cookies.set(STORE_COOKIE, joined.store_id, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return res;
});
