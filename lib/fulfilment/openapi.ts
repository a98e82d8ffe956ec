import { z } from "zod";
import type { Operation } from "@/lib/http/openapi";
import { orderDetailOutput } from "@/lib/orders/order-schemas";
import { checkoutDetailsInput, deliverySettingsInput, DELIVERY_TYPES } from "./schemas";

const methodOutput = z.object({
  id: z.string(), type: z.enum(DELIVERY_TYPES), name: z.string(), fee_minor: z.number().int(), free_over_minor: z.number().int().nullable(),
  zones: z.array(z.string()), address: z.string().nullable(), instructions: z.string().nullable(), active: z.boolean(),
});
const settingsOutput = z.object({
  store_id: z.string(), country: z.string(), currency: z.string(), methods: z.array(methodOutput), combine_window_hours: z.number().int(),
  suggested_methods: z.array(methodOutput.omit({ id: true })).describe("the country's starting proposal while no method is saved"),
});
const address = z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), region: z.string(), postal_code: z.string().nullable(), country: z.string() });
const details = z.object({ name: z.string(), phone: z.string().describe("E.164"), email: z.string().nullable(), delivery_method_id: z.string().nullable(), address: address.nullable() });
const checkoutOutput = z.object({
  order_id: z.string(), number: z.number().int(), status: z.string(),
  items: z.array(z.object({ sku: z.string(), name: z.string(), quantity: z.number().int(), unit_price_minor: z.number().int(), line_total_minor: z.number().int() })),
  subtotal_minor: z.number().int(), shipping_minor: z.number().int(), total_minor: z.number().int().describe("what every payment method charges"), currency: z.string(), expires_at: z.string(),
  country: z.string(), requires_details: z.boolean().describe("true once the store offers delivery methods: paying needs the details"),
  delivery_methods: z.array(methodOutput.pick({ id: true, type: true, name: true, fee_minor: true, free_over_minor: true, address: true, instructions: true, zones: true })),
  details: details.nullable(),
  shipping_covered_by: z.object({ order_id: z.string(), number: z.number().int() }).nullable().describe("the earlier order whose shipping covers this one (combined shipping)"),
  prefill: details.nullable().describe("a returning buyer's last details at this store, to propose"),
});

export const fulfilmentOperations: Operation[] = [
  { method: "get", path: "/api/v1/stores/{id}/delivery", tag: "fulfilment", summary: "Delivery methods (pickup, local delivery by zones, national shipping, arrange by chat) and the combined-shipping window", response: settingsOutput, errors: [404] },
  { method: "put", path: "/api/v1/stores/{id}/delivery", tag: "fulfilment", summary: "Replace the delivery methods (a listed id is kept and updated, a missing one removed) and the combine window (OWNER)", body: deliverySettingsInput, response: settingsOutput, errors: [403, 404, 422] },
  { method: "get", path: "/api/v1/checkout/{id}", tag: "fulfilment", summary: "The buyer's checkout (token in ?t=): cart, shipping, total, methods offered for her address, saved details. A wrong token answers 404", auth: false, query: z.object({ t: z.string() }), response: checkoutOutput, errors: [404] },
  { method: "put", path: "/api/v1/checkout/{id}/details", tag: "fulfilment", summary: "The buyer's name, phone (validated for the country), email, delivery method and address (required for delivery/shipping): answers the recomputed totals", auth: false, query: z.object({ t: z.string() }), body: checkoutDetailsInput, response: checkoutOutput, errors: [404, 409, 422] },
  { method: "post", path: "/api/v1/orders/{id}/ready-for-pickup", tag: "fulfilment", summary: "A pickup order waits at the store: the buyer gets one message with the address and hours (STAFF may)", response: orderDetailOutput, errors: [404, 409] },
  { method: "post", path: "/api/v1/orders/{id}/deliver", tag: "fulfilment", summary: "Delivered or picked up, with the orders shipped together (STAFF may; idempotent)", response: orderDetailOutput, errors: [404, 409] },
  { method: "get", path: "/api/v1/fulfilment/to-ship", tag: "fulfilment", summary: "The To-ship queue: paid orders not delivered yet, grouped by parcel (combined shipping), with recipient, phone, address and method", query: z.object({ store_id: z.string(), live_id: z.string().optional() }), errors: [404, 422] },
  { method: "get", path: "/api/v1/fulfilment/pick-list", tag: "fulfilment", summary: "Pick list: products and units to pull for the paid orders not shipped yet (optionally of one live)", query: z.object({ store_id: z.string(), live_id: z.string().optional() }), errors: [404, 422] },
  { method: "get", path: "/api/v1/fulfilment/shipments.csv", tag: "fulfilment", summary: "The parcels to ship as CSV for a courier's bulk upload", query: z.object({ store_id: z.string() }), errors: [404, 422] },
  { method: "post", path: "/api/v1/fulfilment/tracking-import", tag: "fulfilment", summary: "Bulk mark shipped from text/csv `order,carrier,tracking[,tracking_url]`; any bad line ships nothing (422 listing the lines)", query: z.object({ store_id: z.string() }), errors: [400, 404, 422] },
];
