"use server";
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/current-user";
import { toErrorResponse, validationError } from "@/lib/http/errors";
import { env } from "@/lib/env";
import { createTenant, updateTenant } from "@/lib/admin/tenants";
import { setUserDisabled } from "@/lib/admin/users";
import { adminPasswordReset } from "@/lib/admin/password-reset";
import { updatePlan } from "@/lib/admin/plans";
import { createReport } from "@/lib/admin/reports";
import { addTicketMessage, setTicketStatus } from "@/lib/support/tickets";
import { planUpdateInput, reportCreateInput, tenantCreateInput, tenantUpdateInput } from "@/lib/admin/schemas";
import { articleInput, articleUpdateInput, ticketMessageInput, ticketUpdateInput } from "@/lib/support/schemas";
import { createArticle, deleteArticle, updateArticle } from "@/lib/support/articles";
import { METRICS } from "@/lib/billing/metrics";
import { closeTenant, closeTenantInput } from "@/lib/admin/close-tenant";
import { platformSettingsUpdate, updatePlatformSettings } from "@/lib/admin/platform-settings";
import { confirmInvoicePayment } from "@/lib/billing/collect/confirm-invoice-payment";
import { confirmInvoicePaymentInput } from "@/lib/billing/collect/schemas";

// Form actions of the operator console: the same lib functions and schemas as /api/admin, the same
// "not a superadmin → does not exist" rule. Each redirects back with ?ok=1 or ?error=<API error JSON>.

async function requireSuperadmin() {
  const user = await getSessionUser();
  if (!user || user.platformRole !== "SUPERADMIN") notFound();
  return user;
}

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError(r.error, raw);
  return r.data;
}

async function run(back: string, fn: (userId: string) => Promise<string | void>) {
  const user = await requireSuperadmin();
  let target = `${back}?ok=1`;
  try {
    const extra = await fn(user.id);
    if (extra) target = `${back}?ok=1&${extra}`;
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    target = `${back}?error=${encodeURIComponent(JSON.stringify({ status, ...body.error }))}`;
  }
  revalidatePath(back);
  redirect(target);
}

const text = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

/**
 * The limit fields of a form. For a plan an empty field is unlimited (null); for a tenant's overrides
 * an empty field is left out, so the plan's limit applies.
 */
function limitsFrom(f: FormData, empty: "unlimited" | "omit") {
  const out: Record<string, number | null> = {};
  for (const m of METRICS) {
    const v = f.get(`limit_${m}`);
    if (typeof v !== "string") continue;
    if (v.trim() !== "") out[m] = Number(v);
    else if (empty === "unlimited") out[m] = null;
  }
  return out;
}

export async function updateTenantAction(storeId: string, form: FormData) {
  await run(`/admin/tenants/${storeId}`, async (actorId) => {
    const kind = text(form, "kind");
    const raw =
      kind === "suspend" ? { suspended: true, reason: text(form, "reason") }
      : kind === "reactivate" ? { suspended: false }
      : kind === "plan" ? { plan: text(form, "plan") }
      : kind === "trial" ? { trial_ends_at: text(form, "trial_ends_at") ? new Date(`${text(form, "trial_ends_at")}T23:59:59Z`).toISOString() : null }
      : { limits: limitsFrom(form, "omit") };
    await updateTenant({ storeId, input: parse(tenantUpdateInput, raw), actorId, replaceLimits: kind === "limits" });
  });
}

export async function createTenantAction(form: FormData) {
  await run("/admin/tenants", async (actorId) => {
    const input = parse(tenantCreateInput, { name: text(form, "name"), owner_email: text(form, "owner_email"), plan: text(form, "plan"), country: text(form, "country"), currency: text(form, "currency"), locale: text(form, "locale") });
    const t = await createTenant({ input, actorId, appUrl: env().APP_URL });
    return `invite=${encodeURIComponent(t.invitation.invite_url)}`;
  });
}

export async function setUserDisabledAction(userId: string, disabled: boolean) {
  await run("/admin/users", async (actorId) => {
    await setUserDisabled({ userId, disabled, actorId });
  });
}

export async function passwordResetAction(userId: string) {
  await run("/admin/users", async (actorId) => {
    await adminPasswordReset({ userId, actorId });
  });
}

export async function updatePlanAction(planId: string, form: FormData) {
  await run("/admin/plans", async (actorId) => {
    const num = (k: string) => (text(form, k) === undefined ? undefined : Number(text(form, k)));
    const input = parse(planUpdateInput, { name: text(form, "name"), price_minor: num("price_minor"), transaction_fee_bps: num("transaction_fee_bps"), limits: limitsFrom(form, "unlimited"), modules: form.getAll("modules").map(String) });
    await updatePlan({ planId, input, actorId });
  });
}

export async function createReportAction(form: FormData) {
  await run("/admin/reports", async (actorId) => {
    const input = parse(reportCreateInput, { kind: text(form, "kind"), range: text(form, "range") });
    await createReport({ ...input, actorId });
  });
}

export async function replyTicketAction(ticketId: string, form: FormData) {
  await run(`/admin/tickets/${ticketId}`, async (actorId) => {
    const { body } = parse(ticketMessageInput, { body: text(form, "body") });
    await addTicketMessage({ ticketId, storeIds: "all", authorId: actorId, body, fromStaff: true });
  });
}

export async function setTicketStatusAction(ticketId: string, form: FormData) {
  await run(`/admin/tickets/${ticketId}`, async (actorId) => {
    const { status } = parse(ticketUpdateInput, { status: text(form, "status") });
    await setTicketStatus({ ticketId, status, actorId });
  });
}

export async function confirmInvoicePaymentAction(storeId: string, invoiceId: string, form: FormData) {
  await run(`/admin/tenants/${storeId}`, async (actorId) => {
    const { reference } = parse(confirmInvoicePaymentInput, { reference: text(form, "reference") });
    await confirmInvoicePayment({ invoiceId, reference, actorId });
  });
}

export async function updatePlatformSettingsAction(form: FormData) {
  await run("/admin/settings", async (actorId) => {
    const days = text(form, "trial_days");
    const input = parse(platformSettingsUpdate, { signups_open: form.get("signups_open") === "on", trial_days: days === undefined ? undefined : Number(days), default_plan: text(form, "default_plan"), maintenance_banner: text(form, "maintenance_banner") ?? null });
    await updatePlatformSettings({ input, actorId });
  });
}

export async function closeTenantAction(storeId: string, form: FormData) {
  await run(`/admin/tenants/${storeId}`, async (actorId) => {
    const input = parse(closeTenantInput, { confirm: typeof form.get("confirm") === "string" ? String(form.get("confirm")) : "" });
    await closeTenant({ storeId, input, actorId });
  });
}

/** The help-article form (the same schema and functions as /api/admin/articles). */
function articleFields(form: FormData) {
  return { slug: text(form, "slug"), lang: text(form, "lang"), title: text(form, "title"), body: typeof form.get("body") === "string" ? String(form.get("body")) : "", published: form.get("published") === "on" };
}

export async function createArticleAction(form: FormData) {
  await requireSuperadmin();
  let id: string | null = null;
  let target = "/admin/articles?ok=1";
  try {
    id = (await createArticle(parse(articleInput, articleFields(form)))).id;
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    target = `/admin/articles?error=${encodeURIComponent(JSON.stringify({ status, ...body.error }))}`;
  }
  revalidatePath("/admin/articles");
  redirect(id ? `/admin/articles/${id}?ok=1` : target);
}

export async function updateArticleAction(articleId: string, form: FormData) {
  await run(`/admin/articles/${articleId}`, async () => {
    await updateArticle(articleId, parse(articleUpdateInput, articleFields(form)));
  });
}

export async function deleteArticleAction(articleId: string) {
  await run("/admin/articles", async () => {
    await deleteArticle(articleId);
  });
}
