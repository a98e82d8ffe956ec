import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/current-user";
import { getCurrentStore } from "./current-store";

/** For dashboard pages: the signed-in user and their current store, or a redirect to sign-in / store creation. */
export async function requireDashboardStore() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const { current, memberships } = await getCurrentStore(user.id);
  if (!current) redirect("/dashboard/onboarding");
  return { user, store: current.store, role: current.role, memberships };
}
