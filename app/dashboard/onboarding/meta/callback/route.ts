import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { getSessionUser } from "@/lib/auth/current-user";
import { requireStoreAccess } from "@/lib/stores/access";
import { checkMetaOAuthState, connectFacebookPage, rememberPages } from "@/lib/onboarding/meta-connect";
import { exchangeCodeForPages } from "@/lib/onboarding/meta-oauth";

/** Facebook sends the owner back here with a code: list their Pages and connect one (or let them choose). */
export async function GET(req: NextRequest) {
  const e = env();
  const back = (q: string) => NextResponse.redirect(new URL(`/dashboard/onboarding?step=page${q}`, e.APP_URL), 303);
  const user = await getSessionUser();
  if (!user) return NextResponse.redirect(new URL("/login", e.APP_URL), 303);
  const params = req.nextUrl.searchParams;
  const storeId = await checkMetaOAuthState({ state: params.get("state"), userId: user.id });
  if (!storeId) return back("&error=state");
  if (params.get("error")) return back(`&error=${encodeURIComponent(params.get("error_reason") ?? params.get("error") ?? "denied")}`);
  if (!e.META_APP_ID || !params.get("code")) return back("&error=not_available");
  await requireStoreAccess(user, storeId, ["OWNER"]);
  try {
    const pages = await exchangeCodeForPages({ graphApiUrl: e.META_GRAPH_API_URL, appId: e.META_APP_ID, appSecret: e.META_APP_SECRET, redirectUri: `${e.APP_URL}/dashboard/onboarding/meta/callback`, code: params.get("code")! });
    if (pages.length === 0) return back("&error=no_pages");
    if (pages.length === 1) {
      await connectFacebookPage({ storeId, userId: user.id, page: pages[0]!, graphApiUrl: e.META_GRAPH_API_URL });
      return NextResponse.redirect(new URL("/dashboard/onboarding?step=payments", e.APP_URL), 303);
    }
    await rememberPages({ storeId, userId: user.id, pages, secure: e.APP_URL.startsWith("https://") });
    return back("&choose=1");
  } catch (error) {
    return back(`&error=${encodeURIComponent((error as Error).message.slice(0, 200))}`);
  }
}
