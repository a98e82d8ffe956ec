"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { sellerAction } from "@/lib/http/route";
import { requireStoreAccess } from "@/lib/stores/access";
import { STORE_COOKIE } from "@/lib/stores/current-store";

/** The store switcher: only a store the user belongs to can become the current one. */
export const switchStore = sellerAction(z.object({ storeId: z.string().min(1) }), async ({ storeId }, user) => {
  await requireStoreAccess(user, storeId);
  (await cookies()).set(STORE_COOKIE, storeId, { path: "/", sameSite: "lax", httpOnly: false, maxAge: 365 * 24 * 3600 });
  return { storeId };
});
