"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/current-user";
import { toErrorResponse, unauthorized, validationError } from "@/lib/http/errors";
import { memberStoreIds, requireStoreAccess } from "@/lib/stores/access";
import { addTicketMessage, openTicket } from "@/lib/support/tickets";
import { ticketCreateInput, ticketMessageInput } from "@/lib/support/schemas";

// The seller's Help page forms: the same functions, schemas and tenancy as /api/v1/support/tickets.

async function run(fn: (userId: string) => Promise<string>) {
  let target = "/dashboard/support";
  try {
    const user = await getSessionUser();
    if (!user) throw unauthorized();
    target = await fn(user.id);
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    target = `/dashboard/support?error=${encodeURIComponent(JSON.stringify({ status, ...body.error }))}`;
  }
  revalidatePath("/dashboard/support");
  redirect(target);
}

const str = (f: FormData, k: string) => (typeof f.get(k) === "string" ? String(f.get(k)) : undefined);

export async function openTicketAction(form: FormData) {
  await run(async (userId) => {
    const raw = { store_id: str(form, "store_id"), subject: str(form, "subject"), body: str(form, "body"), severity: str(form, "severity") };
    const parsed = ticketCreateInput.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error, raw);
    await requireStoreAccess({ id: userId }, parsed.data.store_id);
    const t = await openTicket({ input: parsed.data, userId });
    return `/dashboard/support?ok=1&ticket=${t.id}`;
  });
}

export async function replyTicketAction(ticketId: string, form: FormData) {
  await run(async (userId) => {
    const raw = { body: str(form, "body") };
    const parsed = ticketMessageInput.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error, raw);
    await addTicketMessage({ ticketId, storeIds: await memberStoreIds(userId), authorId: userId, body: parsed.data.body, fromStaff: false });
    return `/dashboard/support?ticket=${ticketId}`;
  });
}
