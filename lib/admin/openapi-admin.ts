import type { Operation } from "@/lib/http/openapi";
import { aiDecisionsQuery, auditQuery, planCreateInput, planUpdateInput, rangeQuery, rankingsQuery, reportCreateInput, tenantCreateInput, tenantListQuery, tenantUpdateInput, userListQuery, userUpdateInput } from "./schemas";
import { platformSettingsUpdate } from "./platform-settings";
import { closeTenantInput } from "./close-tenant";
import { adminPaymentMethodInput, confirmInvoicePaymentInput, sellerPaymentMethodInput } from "@/lib/billing/collect/schemas";
import { adminTicketListQuery, articleInput, articleQuery, articleUpdateInput, ticketCreateInput, ticketListQuery, ticketMessageInput, ticketUpdateInput } from "@/lib/support/schemas";

const A = "admin (SUPERADMIN only; anyone else gets 404)";

/** Billing (CONTRACT §12), support and the operator console's API (§9). */
export const adminOperations: Operation[] = [
  { method: "get", path: "/api/v1/stores/{id}/billing", tag: "billing", summary: "Plan, status (trialing|active|past_due|read_only), trial end, usage {used, limit|null} per metric (comments, messages, llm_calls, orders, lives, products, staff) and the period's subscription and commission (OWNER)", errors: [403, 404] },
  { method: "get", path: "/api/v1/stores/{id}/invoices", tag: "billing", summary: "Invoices: each closed month issued once (numbered), plus the running month's draft (OWNER)", errors: [403, 404] },
  { method: "get", path: "/api/v1/stores/{id}/invoices/{invoiceId}/pdf", tag: "billing", summary: "An issued invoice as a PDF (application/pdf; ?lang=es|en|pt|ar) (OWNER)", errors: [403, 404] },
  { method: "put", path: "/api/v1/stores/{id}/billing/payment-method", tag: "billing", summary: "Choose how the platform collects the store's invoices: bank transfer (confirmed by the platform). Open invoices get a new attempt at once (OWNER)", body: sellerPaymentMethodInput, errors: [403, 404, 422] },
  { method: "post", path: "/api/v1/support/tickets", tag: "support", summary: "Open a support ticket for a store (severity S1–S4)", body: ticketCreateInput, status: 201, errors: [404, 422] },
  { method: "get", path: "/api/v1/support/tickets", tag: "support", summary: "Tickets of a store (or of all the caller's stores)", query: ticketListQuery, errors: [404, 422] },
  { method: "get", path: "/api/v1/support/tickets/{id}", tag: "support", summary: "A ticket with its message thread", errors: [404] },
  { method: "post", path: "/api/v1/support/tickets/{id}/messages", tag: "support", summary: "Reply on a ticket (reopens it)", body: ticketMessageInput, status: 201, errors: [404, 422] },
  { method: "get", path: "/api/v1/help/articles", tag: "support", summary: "Search the published help articles", query: articleQuery, errors: [422] },
  { method: "get", path: "/api/admin/tenants", tag: A, summary: "Tenants {items, total}: search, status and plan filters, paginated", query: tenantListQuery, errors: [404, 422] },
  { method: "post", path: "/api/admin/tenants", tag: A, summary: "Create a tenant on a plan and invite its owner (answers the invitation link)", body: tenantCreateInput, status: 201, errors: [404, 422] },
  { method: "get", path: "/api/admin/tenants/{id}", tag: A, summary: "A tenant: owner, members, licence, usage, Meta, payment methods (names only), lives, orders, audit", errors: [404] },
  { method: "patch", path: "/api/admin/tenants/{id}", tag: A, summary: "Suspend/reactivate (reason), change plan, set the trial end, override limits (null = unlimited)", body: tenantUpdateInput, errors: [404, 422] },
  { method: "post", path: "/api/admin/tenants/{id}/close", tag: A, summary: "Close a tenant (confirm = its exact name): buyers' personal data erased, Meta token and payment credentials deleted, subscription cancelled, store suspended; orders, invoices and audit kept", body: closeTenantInput, errors: [404, 409, 422] },
  { method: "get", path: "/api/admin/tenants/{id}/export", tag: A, summary: "What the platform keeps of a tenant (store, products, orders without buyer identity, invoices, audit) as JSON", errors: [404] },
  { method: "put", path: "/api/admin/tenants/{id}/payment-method", tag: A, summary: "Set a tenant's collection method: a vaulted PayPal (vault_id) or bank transfer; null = none", body: adminPaymentMethodInput, errors: [404, 422] },
  { method: "get", path: "/api/admin/invoices/{id}/pdf", tag: A, summary: "Any tenant's invoice as a PDF", errors: [404] },
  { method: "post", path: "/api/admin/invoices/{id}/pay", tag: A, summary: "Confirm the bank transfer that paid an open invoice: the store leaves dunning at once (a billing suspension is lifted)", body: confirmInvoicePaymentInput, errors: [404, 409, 422] },
  { method: "get", path: "/api/admin/settings", tag: A, summary: "System settings in force: signups_open, trial_days, default_plan, maintenance_banner", errors: [404] },
  { method: "patch", path: "/api/admin/settings", tag: A, summary: "Change system settings (audited): closed sign-ups still admit invited people; trial length and default plan apply to new stores; the banner shows on every seller's dashboard", body: platformSettingsUpdate, errors: [404, 422] },
  { method: "get", path: "/api/admin/users", tag: A, summary: "Users across tenants {items, total}", query: userListQuery, errors: [404, 422] },
  { method: "patch", path: "/api/admin/users/{id}", tag: A, summary: "Disable (every token and session refused at once) or enable a user", body: userUpdateInput, errors: [404, 422] },
  { method: "post", path: "/api/admin/users/{id}/password-reset", tag: A, summary: "Issue a password reset (single-use, 1 h)", status: 202, errors: [404] },
  { method: "get", path: "/api/admin/plans", tag: A, summary: "Plans with limits, modules and fee", errors: [404] },
  { method: "post", path: "/api/admin/plans", tag: A, summary: "Create a plan", body: planCreateInput, status: 201, errors: [404, 409, 422] },
  { method: "patch", path: "/api/admin/plans/{id}", tag: A, summary: "Edit a plan (its tenants get the new limits at once)", body: planUpdateInput, errors: [404, 422] },
  { method: "get", path: "/api/admin/analytics", tag: A, summary: "Platform KPIs: GMV per currency, paid orders, active lives, comments, tenants by plan, sign-ups, MRR", query: rangeQuery, errors: [404, 422] },
  { method: "get", path: "/api/admin/rankings", tag: A, summary: "Top sellers by GMV, products by units, lives by revenue per minute", query: rankingsQuery, errors: [404, 422] },
  { method: "get", path: "/api/admin/tickets", tag: A, summary: "Support inbox with SLA timers", query: adminTicketListQuery, errors: [404, 422] },
  { method: "get", path: "/api/admin/tickets/{id}", tag: A, summary: "A ticket and its thread", errors: [404] },
  { method: "post", path: "/api/admin/tickets/{id}/messages", tag: A, summary: "Answer a ticket (sets it pending)", body: ticketMessageInput, status: 201, errors: [404, 422] },
  { method: "patch", path: "/api/admin/tickets/{id}", tag: A, summary: "Set a ticket's status", body: ticketUpdateInput, errors: [404, 422] },
  { method: "get", path: "/api/admin/articles", tag: A, summary: "Help articles, drafts included", query: articleQuery, errors: [404] },
  { method: "post", path: "/api/admin/articles", tag: A, summary: "Write a help article", body: articleInput, status: 201, errors: [404, 409, 422] },
  { method: "patch", path: "/api/admin/articles/{id}", tag: A, summary: "Edit or publish a help article", body: articleUpdateInput, errors: [404, 409, 422] },
  { method: "delete", path: "/api/admin/articles/{id}", tag: A, summary: "Delete a help article", errors: [404] },
  { method: "post", path: "/api/admin/reports", tag: A, summary: "Generate a CSV report (tenants, gmv, usage)", body: reportCreateInput, status: 202, errors: [404, 422] },
  { method: "get", path: "/api/admin/reports/{id}", tag: A, summary: "A report's status", errors: [404] },
  { method: "get", path: "/api/admin/reports/{id}/download", tag: A, summary: "The report as text/csv", errors: [404] },
  { method: "get", path: "/api/admin/audit", tag: A, summary: "Audit log across tenants", query: auditQuery, errors: [404, 422] },
  { method: "get", path: "/api/admin/ai-decisions", tag: A, summary: "AI decision log (max_confidence keeps the doubtful ones)", query: aiDecisionsQuery, errors: [404, 422] },
];
