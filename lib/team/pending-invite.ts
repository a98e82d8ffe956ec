import { cookies } from "next/headers";
import { INVITE_COOKIE } from "./schemas";
import { findInvitation } from "./accept-invitation";

/** The invitation whose link was opened in this browser, if it is still valid. */
export async function pendingInviteFromCookie() {
  const token = (await cookies()).get(INVITE_COOKIE)?.value;
  if (!token) return null;
  const inv = await findInvitation({ token });
  return inv ? { storeId: inv.storeId, storeName: inv.store.name, role: inv.role, email: inv.email } : null;
}
