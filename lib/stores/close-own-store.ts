import type { z } from "zod";
import { closeTenant, type closeTenantInput } from "@/lib/admin/close-tenant";
import type { CurrentUser } from "@/lib/auth/current-user";
import { requireStoreAccess } from "./access";

/**
 * The store's owner closes her own store (Settings → Close the store), typing its name: exactly the
 * operator's close (buyers' personal data erased, Page token and payment credentials deleted, the bot
 * stopped, orders kept anonymised), recorded as closed by its owner. OWNER only (STAFF 403, another
 * tenant 404). Afterwards a sole owner can delete her account.
 */
export async function closeOwnStore({ user, storeId, input }: { user: Pick<CurrentUser, "id">; storeId: string; input: z.output<typeof closeTenantInput> }) {
  await requireStoreAccess(user, storeId, ["OWNER"]);
  return closeTenant({ storeId, input, actorId: user.id, by: "owner" });
}
