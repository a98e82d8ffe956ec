import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { paymentMethodCompleteInput, paymentMethodSetupInput } from "./collect/schemas";

/** The store's plan: the API operations of this domain, documented with the schemas their routes validate with. */
export const billingOperations: Operation[] = [
  { method: "get", path: "/api/v1/stores/{id}/plan", tag: "stores", summary: "The store's plan, status and limits", errors: [404] },
  { method: "put", path: "/api/v1/stores/{id}/plan", tag: "stores", summary: "Change the plan (OWNER): an upgrade now (the rest of the month's price difference goes on this month's invoice), a downgrade at the month's end", body: z.object({ plan: z.enum(["starter", "pro", "business"]) }), errors: [403, 404, 422] },
  { method: "get", path: "/api/v1/stores/{id}/plan/preview", tag: "stores", summary: "What changing to ?plan= would cost before confirming: kind (upgrade/downgrade), effective_at, proration_minor per currency, next_period_minor (OWNER)", errors: [403, 404, 422] },
  { method: "post", path: "/api/v1/stores/{id}/billing/payment-method/setup", tag: "stores", summary: "Start saving a PayPal wallet (Vault v3) or a Mercado Pago subscription (preapproval) for the platform's invoices → {approve_url} (OWNER)", body: paymentMethodSetupInput, errors: [403, 404, 409, 422, 502] },
  { method: "post", path: "/api/v1/stores/{id}/billing/payment-method/complete", tag: "stores", summary: "Save the approved PayPal setup token / authorized Mercado Pago preapproval (OWNER); 409 setup_not_approved until the provider approved it", body: paymentMethodCompleteInput, errors: [403, 404, 409, 422, 502] },
];
