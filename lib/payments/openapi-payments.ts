import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { cancelInput, orderCountsOutput, orderCountsQuery, orderCreateInput, orderCreateOutput, orderDetailOutput, orderExportQuery, orderListQuery, orderOutput, refundInput, shipInput } from "@/lib/orders/order-schemas";
import { paymentConfigInput, paymentConfigOutput } from "./payment-config";
import { rejectTransferInput } from "./reject-transfer";

const webhookAnswer = z.object({ ok: z.boolean(), outcome: z.string().optional(), ignored: z.string().optional(), duplicate: z.boolean().optional() });

/** Orders, payment settings and payment webhooks, documented with the schemas their routes validate with. */
export const paymentOperations: Operation[] = [
  { method: "get", path: "/api/v1/orders", tag: "orders", summary: "Orders of a store, newest first (status: pending, paid, expired, cancelled, refund_needed, refunded — one or several, comma-separated; fulfillment; q searches buyer, product, SKU and order number); header X-Total-Count", query: orderListQuery, response: z.array(orderOutput), errors: [404, 422] },
  { method: "get", path: "/api/v1/orders/counts", tag: "orders", summary: "How many orders are in each status and how many paid ones wait to ship, under the same search q", query: orderCountsQuery, response: orderCountsOutput, errors: [404, 422] },
  { method: "get", path: "/api/v1/orders/export", tag: "orders", summary: "The filtered orders as CSV (text/csv, UTF-8 with BOM; cells quoted; text starting with = + - @ prefixed with ')", query: orderExportQuery, errors: [404, 422] },
  { method: "post", path: "/api/v1/orders/create", tag: "orders", summary: "Reserve items for a Facebook buyer and get the payment link (Idempotency-Key header supported); 400 out_of_stock names the SKU", body: orderCreateInput, response: orderCreateOutput, status: 201, errors: [404, 422] },
  { method: "get", path: "/api/v1/orders/{id}", tag: "orders", summary: "One order with items, reservation expiry, payments and timeline (comment, AI decision, reservations, messages, payment events, audit)", response: orderDetailOutput, errors: [404] },
  { method: "post", path: "/api/v1/orders/{id}/ship", tag: "orders", summary: "Mark a paid order shipped", body: shipInput, response: orderDetailOutput, errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/orders/{id}/cancel", tag: "orders", summary: "Cancel an unpaid order; its stock is released at once", body: cancelInput, response: orderDetailOutput, errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/orders/{id}/refund", tag: "orders", summary: "Refund the order's payments through their providers (OWNER); units go back to stock unless shipped", body: refundInput, response: orderDetailOutput, errors: [403, 404, 409, 422, 502, 503] },
  { method: "post", path: "/api/v1/orders/{id}/confirm-transfer", tag: "orders", summary: "The owner received the bank transfer (or checked the receipt): the order is paid, stock committed, buyer and seller notified; a second confirm answers outcome `duplicate` (OWNER)", response: orderDetailOutput.extend({ outcome: z.string() }), errors: [403, 404, 409] },
  { method: "post", path: "/api/v1/orders/{id}/reject-transfer", tag: "orders", summary: "The receipt does not match a transfer: the buyer is told the reason (DM and checkout) and may upload another; the order runs on the normal reservation time again from now (OWNER)", body: rejectTransferInput, response: orderDetailOutput, errors: [403, 404, 409, 422] },
  { method: "get", path: "/api/v1/orders/{id}/receipt", tag: "orders", summary: "The latest bank-transfer receipt the buyer uploaded (image or PDF); see `transfer_review` on the order", errors: [404] },
  { method: "get", path: "/api/v1/stores/{id}/payments", tag: "payments", summary: "Payment providers of a store with their state; secrets masked (OWNER)", response: z.array(paymentConfigOutput), errors: [403, 404] },
  { method: "get", path: "/api/v1/stores/{id}/payments/{provider}", tag: "payments", summary: "One provider's settings; secrets masked (OWNER)", response: paymentConfigOutput, errors: [403, 404] },
  { method: "put", path: "/api/v1/stores/{id}/payments/{provider}", tag: "payments", summary: "Save a provider's credentials (validated, stored encrypted; empty secret keeps the saved one) and enabled flag (OWNER). `enabled: true` needs every required setting (422 naming `enabled` and each missing `credentials.<name>`, each detail with a `code`: required, invalid_email, invalid_choice, too_long, invalid, unknown_field, not_configured); switched off, an incomplete setup is kept as a draft. Bank transfer `accountType`: checking | savings | vista", body: paymentConfigInput, response: paymentConfigOutput, errors: [403, 404, 422] },
  { method: "post", path: "/api/webhooks/payments/{provider}", tag: "webhooks", summary: "Payment notifications (paypal, mercadopago, flow, sandbox) with ?store=<id>; verified the provider's way, status re-read from the provider, idempotent per transaction", auth: false, response: webhookAnswer, errors: [401, 403, 404, 502, 503] },
];
