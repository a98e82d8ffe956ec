import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { orderDetailOutput } from "@/lib/orders/order-schemas";
import { paymentConfigInput, paymentConfigOutput } from "./payment-config";
import { rejectTransferInput } from "./reject-transfer";

const webhookAnswer = z.object({ ok: z.boolean(), outcome: z.string().optional(), ignored: z.string().optional(), duplicate: z.boolean().optional() });

/** Bank-transfer review, payment settings and payment webhooks: the API operations of this domain, documented with the schemas their routes validate with. */
export const paymentOperations: Operation[] = [
  { method: "post", path: "/api/v1/orders/{id}/confirm-transfer", tag: "orders", summary: "The owner received the bank transfer (or checked the receipt): the order is paid, stock committed, buyer and seller notified; a second confirm answers outcome `duplicate` (OWNER)", response: orderDetailOutput.extend({ outcome: z.string() }), errors: [403, 404, 409] },
  { method: "post", path: "/api/v1/orders/{id}/reject-transfer", tag: "orders", summary: "The receipt does not match a transfer: the buyer is told the reason (DM and checkout) and may upload another; the order runs on the normal reservation time again from now (OWNER)", body: rejectTransferInput, response: orderDetailOutput, errors: [403, 404, 409, 422] },
  { method: "get", path: "/api/v1/orders/{id}/receipt", tag: "orders", summary: "The latest bank-transfer receipt the buyer uploaded (image or PDF); see `transfer_review` on the order", errors: [404] },
  { method: "get", path: "/api/v1/stores/{id}/payments", tag: "payments", summary: "Payment providers of a store with their state; secrets masked (OWNER)", response: z.array(paymentConfigOutput), errors: [403, 404] },
  { method: "get", path: "/api/v1/stores/{id}/payments/{provider}", tag: "payments", summary: "One provider's settings; secrets masked (OWNER)", response: paymentConfigOutput, errors: [403, 404] },
  { method: "put", path: "/api/v1/stores/{id}/payments/{provider}", tag: "payments", summary: "Save a provider's credentials (validated, stored encrypted; empty secret keeps the saved one) and enabled flag (OWNER). `enabled: true` needs every required setting (422 naming `enabled` and each missing `credentials.<name>`, each detail with a `code`: required, invalid_email, invalid_choice, too_long, invalid, unknown_field, not_configured); switched off, an incomplete setup is kept as a draft. Bank transfer `accountType`: checking | savings | vista", body: paymentConfigInput, response: paymentConfigOutput, errors: [403, 404, 422] },
  { method: "post", path: "/api/webhooks/payments/{provider}", tag: "webhooks", summary: "Payment notifications (paypal, mercadopago, flow, sandbox) with ?store=<id>; verified the provider's way, status re-read from the provider, idempotent per transaction", auth: false, response: webhookAnswer, errors: [401, 403, 404, 502, 503] },
];
