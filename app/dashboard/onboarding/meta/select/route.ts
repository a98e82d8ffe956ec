import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { getSessionUser } from "@/lib/auth/current-user";
import { getCurrentStore } from "@/lib/stores/current-store";
import { connectFacebookPage, forgetPages, rememberedPages } from "@/lib/onboarding/meta-connect";

/** The owner picked one of their Pages (form post from the onboarding page). */
export async function POST(req: NextRequest) {
  const e = env();
  const back = (path: string) => NextResponse.redirect(new URL(path, e.APP_URL), 303);
  const user = await getSessionUser();
  if (!user) return back("/login");
  if (new URL(req.headers.get("origin") ?? "null", e.APP_URL).host !== new URL(e.APP_URL).host) return back("/dashboard/onboarding?step=page&error=state");
  const { current } = await getCurrentStore(user.id);
  if (!current || current.role !== "OWNER") return back("/dashboard/onboarding?step=page&error=not_available");
  const pageId = String((await req.formData()).get("page_id") ?? "");
  const page = (await rememberedPages({ storeId: current.store.id, userId: user.id })).find((p) => p.id === pageId);
  if (!page) return back("/dashboard/onboarding?step=page&error=state");
  try {
    await connectFacebookPage({ storeId: current.store.id, userId: user.id, page, graphApiUrl: e.META_GRAPH_API_URL });
  } catch (error) {
    return back(`/dashboard/onboarding?step=page&error=${encodeURIComponent((error as Error).message.slice(0, 200))}`);
  }
  await forgetPages();
  return back("/dashboard/onboarding?step=payments");
}
