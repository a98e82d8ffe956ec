import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { cancelInput, orderCountsOutput, orderCountsQuery, orderCreateInput, orderCreateOutput, orderDetailOutput, orderExportQuery, orderListQuery, orderOutput, refundInput, shipInput } from "./order-schemas";

/** Orders: the API operations of this domain, documented with the schemas their routes validate with. */
export const orderOperations: Operation[] = [
  { method: "get", path: "/api/v1/orders", tag: "orders", summary: "Orders of a store, newest first (status: pending, paid, expired, cancelled, refund_needed, refunded — one or several, comma-separated; fulfillment; q searches buyer, product, SKU and order number); header X-Total-Count", query: orderListQuery, response: z.array(orderOutput), errors: [404, 422] },
  { method: "get", path: "/api/v1/orders/counts", tag: "orders", summary: "How many orders are in each status and how many paid ones wait to ship, under the same search q", query: orderCountsQuery, response: orderCountsOutput, errors: [404, 422] },
  { method: "get", path: "/api/v1/orders/export", tag: "orders", summary: "The filtered orders as CSV (text/csv, UTF-8 with BOM; cells quoted; text starting with = + - @ prefixed with ')", query: orderExportQuery, errors: [404, 422] },
  { method: "post", path: "/api/v1/orders/create", tag: "orders", summary: "Reserve items for a Facebook buyer and get the payment link (Idempotency-Key header supported); 400 out_of_stock names the SKU", body: orderCreateInput, response: orderCreateOutput, status: 201, errors: [404, 422] },
  { method: "get", path: "/api/v1/orders/{id}", tag: "orders", summary: "One order with items, reservation expiry, payments and timeline (comment, AI decision, reservations, messages, payment events, audit)", response: orderDetailOutput, errors: [404] },
  { method: "post", path: "/api/v1/orders/{id}/ship", tag: "orders", summary: "Mark a paid order (and the orders combined with it) shipped with carrier and tracking number; the tracking URL comes from the carrier's template when not given. The buyer gets exactly one message per tracking number (RESPONSE inside 24 h, the order_shipped utility template outside); a corrected number sends one correction. 409 order_not_paid (STAFF may)", body: shipInput, response: orderDetailOutput, errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/orders/{id}/cancel", tag: "orders", summary: "Cancel an unpaid order; its stock is released at once", body: cancelInput, response: orderDetailOutput, errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/orders/{id}/refund", tag: "orders", summary: "Refund the order's payments through their providers (OWNER); units go back to stock unless shipped", body: refundInput, response: orderDetailOutput, errors: [403, 404, 409, 422, 502, 503] },
];
