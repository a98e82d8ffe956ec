import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { getSessionUser } from "@/lib/auth/current-user";
import { getCurrentStore } from "@/lib/stores/current-store";
import { beginMetaOAuth } from "@/lib/onboarding/meta-connect";
import { facebookDialogUrl } from "@/lib/onboarding/meta-oauth";

/** "Continue with Facebook": sends the owner to Facebook's consent dialog (only when META_APP_ID is set). */
export async function GET() {
  const e = env();
  const back = (q: string) => NextResponse.redirect(new URL(`/dashboard/onboarding?step=page${q}`, e.APP_URL), 303);
  const user = await getSessionUser();
  if (!user) return NextResponse.redirect(new URL("/login?callbackUrl=%2Fdashboard%2Fonboarding", e.APP_URL), 303);
  const { current } = await getCurrentStore(user.id);
  if (!current || current.role !== "OWNER" || !e.META_APP_ID) return back("&error=not_available");
  const state = await beginMetaOAuth({ storeId: current.store.id, userId: user.id, secure: e.APP_URL.startsWith("https://") });
  return NextResponse.redirect(facebookDialogUrl({ appId: e.META_APP_ID, redirectUri: `${e.APP_URL}/dashboard/onboarding/meta/callback`, state, graphApiUrl: e.META_GRAPH_API_URL }), 303);
}
