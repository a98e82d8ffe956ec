import { afterAll, beforeAll, beforeEach, describe, expect, onTestFinished, test } from "vitest";
import * as delivery from "@/app/api/v1/stores/[id]/delivery/route";
import * as checkout from "@/app/api/v1/checkout/[orderId]/route";
import * as details from "@/app/api/v1/checkout/[orderId]/details/route";
import * as orderById from "@/app/api/v1/orders/[id]/route";
import * as ship from "@/app/api/v1/orders/[id]/ship/route";
import * as deliver from "@/app/api/v1/orders/[id]/deliver/route";
import * as readyForPickup from "@/app/api/v1/orders/[id]/ready-for-pickup/route";
import * as webhook from "@/app/api/webhooks/payments/[provider]/route";
import * as pay from "@/app/checkout/[orderId]/pay/route";
import * as toShip from "@/app/api/v1/fulfilment/to-ship/route";
import * as pickList from "@/app/api/v1/fulfilment/pick-list/route";
import * as shipmentsCsv from "@/app/api/v1/fulfilment/shipments.csv/route";
import * as trackingImport from "@/app/api/v1/fulfilment/tracking-import/route";
import { prisma } from "@/lib/db";
import { routeJobEventsTo, runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { createPaymentLink } from "@/lib/payments/create-payment-link";
import { completeSandboxPayment } from "@/lib/payments/complete-sandbox-payment";
import { confirmTransfer } from "@/lib/payments/confirm-transfer";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { reloadEnv } from "@/tests/helpers/env";
import { startFakeFlow, type FakeFlow } from "@/tests/fakes/payments/flow";
import { startFakeMercadoPago, type FakeMercadoPago } from "@/tests/fakes/payments/mercadopago";
import { startFakePaypal, type FakePaypal } from "@/tests/fakes/payments/paypal";
import { captureJobEvents, configureProvider, pendingOrder, sandboxDelivery, testRuntime } from "@/tests/helpers/payments";
import { call } from "./helpers/api";
import { signUp } from "./helpers/factories";
import { seedBuyer, seedStore } from "./helpers/seed";

let graph: FakeGraphServer;
let mp: FakeMercadoPago;
let paypal: FakePaypal;
let flow: FakeFlow;

beforeAll(async () => {
  [graph, mp, paypal, flow] = await Promise.all([startFakeGraphServer(), startFakeMercadoPago(), startFakePaypal(), startFakeFlow()]);
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.MERCADOPAGO_API_URL = mp.url;
  process.env.PAYPAL_API_URL = paypal.url;
  process.env.FLOW_API_URL = flow.url;
  reloadEnv();
  captureJobEvents();
});
afterAll(async () => Promise.all([graph.close(), mp.close(), paypal.close(), flow.close()]));
beforeEach(() => graph.reset());

const SHIPPING = { type: "shipping", name: "Envío a todo Chile", fee_minor: 4990, free_over_minor: 50000, zones: [], active: true };
const SANTIAGO = { type: "delivery", name: "Despacho Santiago", fee_minor: 2990, zones: ["Providencia", "Ñuñoa", "75"], active: true };
const PICKUP = { type: "pickup", name: "Retiro en tienda", fee_minor: 0, address: "Av. Providencia 1234, Providencia", instructions: "Lun a vie 10:00–18:00", active: true };
const HOME = { line1: "Av. Italia 1500", line2: "Depto 12", city: "Ñuñoa", region: "Metropolitana de Santiago", country: "CL" };

type Opts = { methods?: Record<string, unknown>[]; window?: number; currency?: string; country?: string; locale?: string; price?: number };

/** A store with a connected Page, an OWNER and a STAFF with API tokens, one buyer who wrote to the Page today. */
async function shop({ methods, window = 0, currency = "CLP", country = "CL", locale = "es-CL", price = 10000 }: Opts = {}) {
  const seeded = await seedStore({ currency, country, locale, products: [{ sku: "A12", name: "Polera roja M", priceMinor: price, stock: 100 }] });
  const [owner, staff] = await Promise.all([signUp(), signUp()]);
  await prisma.membership.createMany({ data: [{ userId: owner.userId, storeId: seeded.store.id, role: "OWNER" }, { userId: staff.userId, storeId: seeded.store.id, role: "STAFF" }] });
  const buyer = await seedBuyer(seeded.store.id, seeded.pageId, "Carla Díaz");
  await prisma.buyer.update({ where: { id: buyer.id }, data: { psid: `psid_${buyer.id}`, lastInboundAt: new Date() } });
  const s = { ...seeded, owner, staff, buyer, product: seeded.products[0]! };
  if (methods) {
    const res = await putSettings(s.store.id, owner.accessToken, { methods, combine_window_hours: window });
    expect(res.status).toBe(200);
    return { ...s, methods: res.body.methods as { id: string; type: string; name: string }[] };
  }
  return { ...s, methods: [] as { id: string; type: string; name: string }[] };
}
type Shop = Awaited<ReturnType<typeof shop>>;

const putSettings = (storeId: string, token: string, body: unknown) => call(delivery.PUT, { method: "PUT", path: `/api/v1/stores/${storeId}/delivery`, params: { id: storeId }, token, body });
const getSettings = (storeId: string, token: string) => call(delivery.GET, { path: `/api/v1/stores/${storeId}/delivery`, params: { id: storeId }, token });
const view = (orderId: string, token: string) => call(checkout.GET, { path: `/api/v1/checkout/${orderId}?t=${encodeURIComponent(token)}`, params: { orderId } });
const putDetails = (orderId: string, token: string, body: unknown) =>
  call(details.PUT, { method: "PUT", path: `/api/v1/checkout/${orderId}/details?t=${encodeURIComponent(token)}`, params: { orderId }, body });
const detail = (id: string, token: string) => call(orderById.GET, { path: `/api/v1/orders/${id}`, params: { id }, token });
const act = (handler: typeof ship.POST, action: string, id: string, token: string, body?: unknown) =>
  call(handler, { method: "POST", path: `/api/v1/orders/${id}/${action}`, params: { id }, token, ...(body ? { body } : {}) });

async function order(s: Shop, quantity = 1, buyerId: string | null = s.buyer.id) {
  return pendingOrder({ storeId: s.store.id, productId: s.product.id, buyerId, quantity });
}
const methodId = (s: Shop, type: string) => s.methods.find((m) => m.type === type)!.id;
const buyerDetails = (s: Shop, type: string, extra: Record<string, unknown> = {}) => ({ name: "Carla Díaz", phone: "+56 9 8765 4321", email: "carla@example.com", delivery_method_id: methodId(s, type), address: HOME, ...extra });

async function paySandbox(s: Shop, orderId: string) {
  const o = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const res = await call(webhook.POST, sandboxDelivery({ storeId: s.store.id, orderId, amountMinor: o.totalMinor, currency: o.currency, transactionId: `sbx_${orderId}` }));
  expect(res.body.outcome).toBe("paid");
  return o.totalMinor;
}
const shippedMessages = (orderIds: string[]) => prisma.outboundMessage.findMany({ where: { orderId: { in: orderIds }, purpose: { in: ["shipped", "tracking_corrected"] } } });

describe("GET|PUT /api/v1/stores/{id}/delivery", () => {
  test("the owner saves methods and the combine window; ids come back, a listed id updates, a missing one is removed", async () => {
    const s = await shop();
    const empty = await getSettings(s.store.id, s.owner.accessToken);
    expect(empty.status).toBe(200);
    expect(empty.body.methods).toEqual([]);
    expect(empty.body.suggested_methods.map((m: { type: string }) => m.type)).toEqual(expect.arrayContaining(["pickup", "shipping"]));
    expect(JSON.stringify(empty.body.suggested_methods)).toMatch(/Starken/);

    const saved = await putSettings(s.store.id, s.owner.accessToken, { methods: [PICKUP, SANTIAGO, SHIPPING], combine_window_hours: 48 });
    expect(saved.status).toBe(200);
    expect(saved.body.combine_window_hours).toBe(48);
    expect(saved.body.methods).toHaveLength(3);
    expect(saved.body.methods[1]).toMatchObject({ id: expect.any(String), type: "delivery", name: "Despacho Santiago", fee_minor: 2990, zones: ["Providencia", "Ñuñoa", "75"], active: true });
    const [pickup, santiago] = saved.body.methods;

    const again = await putSettings(s.store.id, s.owner.accessToken, { methods: [{ ...santiago, fee_minor: 3490 }], combine_window_hours: 24 });
    expect(again.body.methods).toEqual([expect.objectContaining({ id: santiago.id, fee_minor: 3490 })]);
    expect((await getSettings(s.store.id, s.staff.accessToken)).body.methods).toHaveLength(1);
    expect(await prisma.deliveryMethod.findUniqueOrThrow({ where: { id: pickup.id } })).toMatchObject({ deletedAt: expect.any(Date) });
  });

  test("STAFF cannot change them (403); another store's id answers 404; bad input is 422 naming the field and changes nothing", async () => {
    const s = await shop({ methods: [PICKUP] });
    const other = await signUp();
    expect((await putSettings(s.store.id, s.staff.accessToken, { methods: [], combine_window_hours: 0 })).status).toBe(403);
    expect((await putSettings(s.store.id, other.accessToken, { methods: [], combine_window_hours: 0 })).status).toBe(404);
    expect((await getSettings(s.store.id, other.accessToken)).status).toBe(404);
    const bad = await putSettings(s.store.id, s.owner.accessToken, { methods: [{ ...SHIPPING, type: "drone", fee_minor: -1 }], combine_window_hours: 1 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["methods.0.fee_minor", "methods.0.type"]);
    const unknownId = await putSettings(s.store.id, s.owner.accessToken, { methods: [{ ...SHIPPING, id: "not-ours" }] });
    expect(unknownId.status).toBe(422);
    expect(unknownId.body.error.details[0]).toMatchObject({ field: "methods.0.id", code: "not_found" });
    expect(await prisma.deliveryMethod.count({ where: { storeId: s.store.id, deletedAt: null } })).toBe(1);
  });
});

describe("GET /api/v1/checkout/{id} and PUT …/details", () => {
  test("a wrong token or another order's token answers 404 without data, and saves nothing", async () => {
    const s = await shop({ methods: [SHIPPING] });
    const o = await order(s);
    const other = await order(await shop({ methods: [SHIPPING] }));
    for (const t of ["guess", "", other.checkoutToken]) {
      expect((await view(o.id, t)).status).toBe(404);
      const res = await putDetails(o.id, t, buyerDetails(s, "shipping"));
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(s.store.name);
    }
    expect(await prisma.orderDelivery.count({ where: { orderId: o.id } })).toBe(0);
  });

  test("the checkout lists the methods and, after the details, charges the method's fee on top of the cart", async () => {
    const s = await shop({ methods: [PICKUP, SHIPPING] });
    const o = await order(s, 2);
    const before = await view(o.id, o.checkoutToken);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ order_id: o.id, status: "pending", subtotal_minor: 20000, shipping_minor: 0, total_minor: 20000, currency: "CLP", details: null, expires_at: o.expiresAt.toISOString() });
    expect(before.body.items).toEqual([expect.objectContaining({ sku: "A12", quantity: 2, unit_price_minor: 10000 })]);
    expect(before.body.delivery_methods.map((m: { type: string; fee_minor: number }) => [m.type, m.fee_minor])).toEqual([["pickup", 0], ["shipping", 4990]]);

    const res = await putDetails(o.id, o.checkoutToken, buyerDetails(s, "shipping"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ subtotal_minor: 20000, shipping_minor: 4990, total_minor: 24990 });
    expect(res.body.details).toMatchObject({ name: "Carla Díaz", phone: "+56987654321", email: "carla@example.com", delivery_method_id: methodId(s, "shipping"), address: { city: "Ñuñoa", country: "CL" } });
    expect((await view(o.id, o.checkoutToken)).body).toMatchObject({ shipping_minor: 4990, total_minor: 24990 });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ shippingMinor: 4990, totalMinor: 24990 });

    // Switching to pickup drops the fee and the address.
    const pickup = await putDetails(o.id, o.checkoutToken, { name: "Carla", phone: "987654321", delivery_method_id: methodId(s, "pickup") });
    expect(pickup.body).toMatchObject({ shipping_minor: 0, total_minor: 20000, details: { phone: "+56987654321", address: null } });
  });

  test("free over an amount: a cart reaching free_over_minor pays no shipping", async () => {
    const s = await shop({ methods: [SHIPPING] });
    const small = await order(s, 4);
    expect((await putDetails(small.id, small.checkoutToken, buyerDetails(s, "shipping"))).body.shipping_minor).toBe(4990);
    const big = await order(s, 5, (await seedBuyer(s.store.id, s.pageId)).id);
    const res = await putDetails(big.id, big.checkoutToken, buyerDetails(s, "shipping"));
    expect(res.body).toMatchObject({ subtotal_minor: 50000, shipping_minor: 0, total_minor: 50000 });
  });

  test("the address is required for delivery and shipping; bad phone, e-mail and postal code are 422 naming each field, and nothing is saved", async () => {
    const s = await shop({ methods: [SHIPPING, PICKUP] });
    const o = await order(s);
    const noAddress = await putDetails(o.id, o.checkoutToken, { ...buyerDetails(s, "shipping"), address: undefined });
    expect(noAddress.status).toBe(422);
    expect(noAddress.body.error.details).toEqual([expect.objectContaining({ field: "address", code: "required" })]);

    const wrong = await putDetails(o.id, o.checkoutToken, { ...buyerDetails(s, "shipping"), phone: "12345", email: "not-an-email", address: { ...HOME, city: "" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`).sort()).toEqual(["address.city:required", "email:invalid_email"]);
    const phone = await putDetails(o.id, o.checkoutToken, { ...buyerDetails(s, "shipping"), phone: "+56 9 123" });
    expect(phone.status).toBe(422);
    expect(phone.body.error.details).toEqual([expect.objectContaining({ field: "phone", code: "invalid_phone", params: { example: expect.stringContaining("+56") } })]);
    const missing = await putDetails(o.id, o.checkoutToken, { phone: "+56987654321" });
    expect(missing.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["delivery_method_id", "name"]);
    const otherStoreMethod = (await shop({ methods: [SHIPPING] })).methods[0]!.id;
    const foreign = await putDetails(o.id, o.checkoutToken, { ...buyerDetails(s, "shipping"), delivery_method_id: otherStoreMethod });
    expect(foreign.body.error.details).toEqual([expect.objectContaining({ field: "delivery_method_id", code: "not_found" })]);

    expect(await prisma.orderDelivery.count({ where: { orderId: o.id } })).toBe(0);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: o.id } })).totalMinor).toBe(10000);
  });

  test("postal codes in each country's shape: Mexico needs a 5-digit CP, Brazil an 8-digit CEP", async () => {
    const mx = await shop({ methods: [SHIPPING], country: "MX", currency: "MXN", locale: "es-MX" });
    const o = await order(mx);
    const mxAddress = { line1: "Av. Reforma 222", city: "Cuauhtémoc", region: "Ciudad de México", country: "MX" };
    const noCp = await putDetails(o.id, o.checkoutToken, { name: "Ana", phone: "+52 55 1234 5678", delivery_method_id: mx.methods[0]!.id, address: mxAddress });
    expect(noCp.body.error.details).toEqual([expect.objectContaining({ field: "address.postal_code", code: "required" })]);
    const ok = await putDetails(o.id, o.checkoutToken, { name: "Ana", phone: "55 1234 5678", delivery_method_id: mx.methods[0]!.id, address: { ...mxAddress, postal_code: "06600" } });
    expect(ok.status).toBe(200);
    expect(ok.body.details.phone).toBe("+525512345678");

    const br = await shop({ methods: [SHIPPING], country: "BR", currency: "BRL", locale: "pt-BR" });
    const b = await order(br);
    const brAddress = { line1: "Av. Paulista 1000", city: "São Paulo", region: "SP", country: "BR" };
    const badCep = await putDetails(b.id, b.checkoutToken, { name: "Ana", phone: "+55 11 91234 5678", delivery_method_id: br.methods[0]!.id, address: { ...brAddress, postal_code: "0131" } });
    expect(badCep.body.error.details).toEqual([expect.objectContaining({ field: "address.postal_code", code: "invalid_postal_code" })]);
    const goodCep = await putDetails(b.id, b.checkoutToken, { name: "Ana", phone: "+55 11 91234 5678", delivery_method_id: br.methods[0]!.id, address: { ...brAddress, postal_code: "01310100" } });
    expect(goodCep.body.details.address.postal_code).toBe("01310-100");
  });

  test("zones decide the offer: a local delivery serves only its communes or postal prefixes", async () => {
    const s = await shop({ methods: [SANTIAGO, SHIPPING] });
    const o = await order(s);
    const inZone = await putDetails(o.id, o.checkoutToken, buyerDetails(s, "delivery"));
    expect(inZone.body).toMatchObject({ shipping_minor: 2990 });
    const byPostal = await putDetails(o.id, o.checkoutToken, buyerDetails(s, "delivery", { address: { ...HOME, city: "Las Condes", postal_code: "7550000" } }));
    expect(byPostal.status).toBe(200);
    const outside = await putDetails(o.id, o.checkoutToken, buyerDetails(s, "delivery", { address: { ...HOME, city: "Maipú", postal_code: "9250000" } }));
    expect(outside.status).toBe(422);
    expect(outside.body.error.details).toEqual([expect.objectContaining({ field: "delivery_method_id", code: "zone_not_served" })]);
    // Still the Las Condes details: the method list follows the saved address.
    await putDetails(o.id, o.checkoutToken, buyerDetails(s, "shipping", { address: { ...HOME, city: "Maipú" } }));
    expect((await view(o.id, o.checkoutToken)).body.delivery_methods.map((m: { type: string }) => m.type)).toEqual(["shipping"]);
  });

  test("a returning buyer of the same store gets her last details proposed", async () => {
    const s = await shop({ methods: [SHIPPING] });
    const first = await order(s);
    await putDetails(first.id, first.checkoutToken, buyerDetails(s, "shipping"));
    await paySandbox(s, first.id);
    const second = await order(s);
    const res = await view(second.id, second.checkoutToken);
    expect(res.body.details).toBeNull();
    expect(res.body.prefill).toMatchObject({ name: "Carla Díaz", phone: "+56987654321", address: { line1: "Av. Italia 1500" } });
  });
});

describe("combined shipping", () => {
  test("a later order in the combine window to the same address and method pays no second fee, and both ship as one group", async () => {
    const s = await shop({ methods: [SHIPPING], window: 48 });
    const first = await order(s);
    expect((await putDetails(first.id, first.checkoutToken, buyerDetails(s, "shipping"))).body.shipping_minor).toBe(4990);
    await paySandbox(s, first.id);

    const second = await order(s);
    const res = await putDetails(second.id, second.checkoutToken, buyerDetails(s, "shipping", { address: { ...HOME, line1: "AV. ITALIA  1500" } }));
    expect(res.body).toMatchObject({ shipping_minor: 0, total_minor: 10000, shipping_covered_by: { order_id: first.id, number: expect.any(Number) } });
    await paySandbox(s, second.id);

    // Another address is another parcel, with its fee.
    const third = await order(s);
    expect((await putDetails(third.id, third.checkoutToken, buyerDetails(s, "shipping", { address: { ...HOME, line1: "Los Leones 10" } }))).body.shipping_minor).toBe(4990);

    const d = await detail(second.id, s.owner.accessToken);
    expect(d.body.shipment_group.map((o: { id: string }) => o.id).sort()).toEqual([first.id, second.id].sort());
    expect(d.body.delivery).toMatchObject({ type: "shipping", fee_minor: 0, covered_by_order_id: first.id });

    const shipped = await act(ship.POST, "ship", first.id, s.staff.accessToken, { carrier: "Starken", tracking_number: "ST123" });
    expect(shipped.status).toBe(200);
    const both = await prisma.order.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(both.every((o) => o.fulfillment === "SHIPPED" && o.shipmentId === both[0]!.shipmentId)).toBe(true);
    expect(await shippedMessages([first.id, second.id])).toHaveLength(1);
    expect(graph.calls.filter((c) => c.kind === "message")).toHaveLength(1);
  });

  test("outside the window (or with no window) the second order pays its own shipping", async () => {
    const none = await shop({ methods: [SHIPPING], window: 0 });
    const a = await order(none);
    await putDetails(a.id, a.checkoutToken, buyerDetails(none, "shipping"));
    await paySandbox(none, a.id);
    const b = await order(none);
    expect((await putDetails(b.id, b.checkoutToken, buyerDetails(none, "shipping"))).body.shipping_minor).toBe(4990);

    const s = await shop({ methods: [SHIPPING], window: 24 });
    const old = await order(s);
    await putDetails(old.id, old.checkoutToken, buyerDetails(s, "shipping"));
    await paySandbox(s, old.id);
    await prisma.order.update({ where: { id: old.id }, data: { paidAt: new Date(Date.now() - 25 * 3600_000) } });
    const late = await order(s);
    expect((await putDetails(late.id, late.checkoutToken, buyerDetails(s, "shipping"))).body.shipping_minor).toBe(4990);
  });

  test("once the first order has shipped, a pending order covered by it pays its fee again before it is charged", async () => {
    const s = await shop({ methods: [SHIPPING], window: 48 });
    const first = await order(s);
    await putDetails(first.id, first.checkoutToken, buyerDetails(s, "shipping"));
    await paySandbox(s, first.id);
    const second = await order(s);
    expect((await putDetails(second.id, second.checkoutToken, buyerDetails(s, "shipping"))).body.shipping_minor).toBe(0);
    await act(ship.POST, "ship", first.id, s.owner.accessToken, { carrier: "chilexpress", tracking_number: "CX1" });
    const link = await createPaymentLink({ orderId: second.id, provider: "sandbox", runtime: testRuntime() });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } })).amountMinor).toBe(14990);
  });
});

describe("paying: every method charges total_minor with shipping", () => {
  async function shippedCart(opts: Opts = {}) {
    const s = await shop({ methods: [SHIPPING], ...opts });
    const o = await order(s);
    const res = await putDetails(o.id, o.checkoutToken, buyerDetails(s, "shipping", opts.country === "US" ? { phone: "+1 415 555 0100", address: { line1: "1 Market St", city: "San Francisco", region: "CA", postal_code: "94105", country: "US" } } : {}));
    expect(res.status).toBe(200);
    return { s, o, total: res.body.total_minor as number, shipping: res.body.shipping_minor as number };
  }

  test("sandbox", async () => {
    const { s, o, total } = await shippedCart();
    expect(total).toBe(14990);
    const link = await createPaymentLink({ orderId: o.id, provider: "sandbox", runtime: testRuntime() });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } })).amountMinor).toBe(14990);
    expect((await completeSandboxPayment({ order: { id: o.id, storeId: s.store.id, totalMinor: total, currency: "CLP" }, outcome: "success", runtime: testRuntime() })).body.outcome).toBe("paid");
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: o.id, status: "SUCCEEDED" } })).toMatchObject({ amountMinor: 14990 });
  });

  test("Mercado Pago: the preference carries the items plus a shipping line, and the approved payment settles the order", async () => {
    const { s, o } = await shippedCart();
    await configureProvider({ storeId: s.store.id, ownerId: s.owner.userId, provider: "mercadopago", credentials: { accessToken: mp.accessToken, webhookSecret: mp.webhookSecret } });
    const link = await createPaymentLink({ orderId: o.id, provider: "mercadopago", runtime: testRuntime() });
    const ref = (await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } })).providerRef!;
    const items = mp.preference(ref).items as { id: string; title: string; unit_price: number; quantity: number }[];
    expect(items).toEqual([expect.objectContaining({ id: "A12", unit_price: 10000 }), expect.objectContaining({ id: "shipping", title: "Envío", unit_price: 4990, quantity: 1 })]);
    const paymentId = mp.approve(ref);
    const n = mp.notification(paymentId);
    const res = await call(webhook.POST, { path: n.url.replace(/^https?:\/\/[^/]+/, ""), params: { provider: "mercadopago" }, rawBody: n.body, headers: n.headers });
    expect(res.body.outcome).toBe("paid");
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: o.id, status: "SUCCEEDED" } })).toMatchObject({ amountMinor: 14990 });
  });

  test("PayPal: shipping is its own amount in the breakdown; the capture is the total", async () => {
    const { s, o } = await shippedCart({ currency: "USD", country: "US", locale: "en-US", price: 1999 });
    await configureProvider({ storeId: s.store.id, ownerId: s.owner.userId, provider: "paypal", credentials: { clientId: paypal.clientId, clientSecret: paypal.clientSecret, webhookId: paypal.webhookId } });
    const link = await createPaymentLink({ orderId: o.id, provider: "paypal", runtime: testRuntime() });
    const ref = (await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } })).providerRef!;
    const created = paypal.requests.find((r) => r.method === "POST" && r.path === "/v2/checkout/orders" && r.rawBody.includes(o.id))!;
    const unit = (created.json as { purchase_units: { amount: { value: string; breakdown: Record<string, { value: string }> } }[] }).purchase_units[0]!;
    expect(unit.amount.value).toBe("69.89");
    expect(unit.amount.breakdown).toMatchObject({ item_total: { value: "19.99" }, shipping: { value: "49.90" } });
    paypal.approve(ref);
    const signed = paypal.signWebhook(paypal.webhookEvent("CHECKOUT.ORDER.APPROVED", ref));
    const res = await call(webhook.POST, { path: `/api/webhooks/payments/paypal?store=${s.store.id}`, params: { provider: "paypal" }, rawBody: signed.body, headers: signed.headers });
    expect(res.body.outcome).toBe("paid");
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: o.id, status: "SUCCEEDED" } })).toMatchObject({ amountMinor: 6989 });
  });

  test("Flow", async () => {
    const { s, o } = await shippedCart();
    await configureProvider({ storeId: s.store.id, ownerId: s.owner.userId, provider: "flow", credentials: { apiKey: flow.apiKey, secretKey: flow.secretKey } });
    const link = await createPaymentLink({ orderId: o.id, provider: "flow", buyerEmail: "carla@example.com", runtime: testRuntime() });
    const token = (await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } })).providerRef!;
    expect(Number(flow.payment(token).amount)).toBe(14990);
    flow.approve(token);
    const c = flow.confirmation(token, `http://localhost:3000/api/webhooks/payments/flow?store=${s.store.id}`);
    const res = await call(webhook.POST, { path: `/api/webhooks/payments/flow?store=${s.store.id}`, params: { provider: "flow" }, rawBody: c.body, headers: c.headers });
    expect(res.body.outcome).toBe("paid");
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: o.id, status: "SUCCEEDED" } })).toMatchObject({ amountMinor: 14990 });
  });

  test("bank transfer: the confirmed amount is the total with shipping", async () => {
    const { s, o } = await shippedCart();
    await configureProvider({ storeId: s.store.id, ownerId: s.owner.userId, provider: "transfer", credentials: { bankName: "Banco Estado", accountHolder: "Tienda", accountNumber: "123", accountType: "checking", taxId: "76.123.456-7", email: "pagos@tienda.cl" } });
    const link = await createPaymentLink({ orderId: o.id, provider: "transfer", runtime: testRuntime() });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } })).amountMinor).toBe(14990);
    await confirmTransfer({ orderId: o.id, storeId: s.store.id, actorId: s.owner.userId });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "PAID", totalMinor: 14990 });
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: o.id, status: "SUCCEEDED" } })).toMatchObject({ amountMinor: 14990 });
  });

  test("with methods configured, paying without details is refused naming the field; a store without methods pays as before", async () => {
    const s = await shop({ methods: [SHIPPING] });
    const o = await order(s);
    await expect(createPaymentLink({ orderId: o.id, provider: "sandbox", runtime: testRuntime() })).rejects.toMatchObject({ status: 422, details: [expect.objectContaining({ field: "delivery_method_id", code: "required" })] });
    const form = new URLSearchParams({ t: o.checkoutToken, method: "sandbox" }).toString();
    const viaPage = await call(pay.POST as never, { path: `/checkout/${o.id}/pay`, params: { orderId: o.id }, rawBody: form, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(viaPage.status).toBe(303);
    expect(viaPage.headers.get("location")).toContain("error=details");
    expect(await prisma.payment.count({ where: { orderId: o.id } })).toBe(0);

    const plain = await shop();
    const p = await order(plain);
    const view0 = await view(p.id, p.checkoutToken);
    expect(view0.body).toMatchObject({ delivery_methods: [], details: null, shipping_minor: 0, total_minor: 10000 });
    const link = await createPaymentLink({ orderId: p.id, provider: "sandbox", runtime: testRuntime() });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: link.paymentId } })).amountMinor).toBe(10000);
    expect(await paySandbox(plain, p.id)).toBe(10000);
  });
});

describe("shipping, tracking and delivery", () => {
  async function paidWithDetails(type = "shipping") {
    const s = await shop({ methods: [PICKUP, SHIPPING] });
    const o = await order(s);
    await putDetails(o.id, o.checkoutToken, buyerDetails(s, type));
    await paySandbox(s, o.id);
    return { s, o };
  }

  test("an unpaid order can't be shipped (409 order_not_paid); another store's order answers 404", async () => {
    const s = await shop({ methods: [SHIPPING] });
    const o = await order(s);
    const res = await act(ship.POST, "ship", o.id, s.owner.accessToken, { carrier: "starken", tracking_number: "1" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("order_not_paid");
    const stranger = await signUp();
    expect((await act(ship.POST, "ship", o.id, stranger.accessToken, { carrier: "starken", tracking_number: "1" })).status).toBe(404);
    expect((await detail(o.id, stranger.accessToken)).status).toBe(404);
    expect(await prisma.shipment.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  test("STAFF ships with a carrier code: the tracking URL comes from the carrier's template, the buyer gets exactly one DM with the tracking number", async () => {
    const { s, o } = await paidWithDetails();
    graph.reset();
    const res = await act(ship.POST, "ship", o.id, s.staff.accessToken, { carrier: "CHILEXPRESS", tracking_number: "99887766" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fulfillment: "shipped",
      buyer_details: { name: "Carla Díaz", phone: "+56987654321", email: "carla@example.com" },
      delivery: { type: "shipping", name: "Envío a todo Chile", fee_minor: 4990, address: expect.objectContaining({ line1: "Av. Italia 1500" }) },
      shipment: { carrier: "chilexpress", tracking_number: "99887766", tracking_url: "https://centrodeayuda.chilexpress.cl/seguimiento/99887766", shipped_at: expect.any(String), delivered_at: null },
    });
    const sent = graph.calls.filter((c) => c.kind === "message");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ psid: `psid_${s.buyer.id}`, messagingType: "RESPONSE" });
    expect(JSON.stringify(sent[0]!.message)).toContain("99887766");
    expect(JSON.stringify(sent[0]!.message)).toContain("Chilexpress");

    // Same tracking again: nothing new. A corrected number: one correction.
    expect((await act(ship.POST, "ship", o.id, s.staff.accessToken, { carrier: "chilexpress", tracking_number: "99887766" })).status).toBe(200);
    expect(graph.calls.filter((c) => c.kind === "message")).toHaveLength(1);
    const fixed = await act(ship.POST, "ship", o.id, s.staff.accessToken, { carrier: "chilexpress", tracking_number: "99887767" });
    expect(fixed.body.shipment.tracking_number).toBe("99887767");
    const after = graph.calls.filter((c) => c.kind === "message");
    expect(after).toHaveLength(2);
    expect(JSON.stringify(after[1]!.message)).toContain("99887767");
    expect(await shippedMessages([o.id])).toHaveLength(2);
  });

  test("Meta rate-limits the tracking message: it waits under its key and a retry job sends it exactly once", async () => {
    const { s, o } = await paidWithDetails();
    graph.reset();
    routeJobEventsTo(null); // this file captures the payment events; here the app's own routing queues the retry
    onTestFinished(() => captureJobEvents());
    graph.failNext({ code: 4, status: 400, message: "(#4) Application request limit reached", path: /\/messages$/, times: 50 });
    const res = await act(ship.POST, "ship", o.id, s.staff.accessToken, { carrier: "starken", tracking_number: "55554444" });
    expect(res.status).toBe(200);
    expect(graph.calls.filter((c) => c.kind === "message" && c.status === 200)).toHaveLength(0);
    expect(await prisma.job.count({ where: { functionId: "send-shipment-notice", payload: { path: ["data", "orderId"], equals: o.id } } })).toBe(1);
    graph.reset();
    await runJobsUntilIdle({ functions: jobFunctions, retryBaseMs: 1, retryMaxMs: 2 });
    const sent = graph.calls.filter((c) => c.kind === "message" && c.status === 200);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.message)).toContain("55554444");
    await runJobsUntilIdle({ functions: jobFunctions, retryBaseMs: 1, retryMaxMs: 2 });
    expect(graph.calls.filter((c) => c.kind === "message" && c.status === 200)).toHaveLength(1);
  });

  test("outside the 24 h window the order_shipped utility template carries the tracking number", async () => {
    const { s, o } = await paidWithDetails();
    await prisma.buyer.update({ where: { id: s.buyer.id }, data: { lastInboundAt: new Date(Date.now() - 48 * 3600_000) } });
    graph.reset();
    await act(ship.POST, "ship", o.id, s.owner.accessToken, { carrier: "Correos de Chile", tracking_number: "RR123CL" });
    const sent = graph.calls.filter((c) => c.kind === "message");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.messagingType).toBe("UTILITY");
    expect(JSON.stringify(sent[0]!.message)).toContain("lss_order_shipped");
    expect(JSON.stringify(sent[0]!.message)).toContain("RR123CL");
  });

  test("free-text carriers are 'other' with the URL given; deliver marks the shipment delivered", async () => {
    const { s, o } = await paidWithDetails();
    const res = await act(ship.POST, "ship", o.id, s.owner.accessToken, { carrier: "Mensajería Pepe", tracking_number: "P-1", tracking_url: "https://pepe.example/track/P-1" });
    expect(res.body.shipment).toMatchObject({ carrier: "other", carrier_name: "Mensajería Pepe", tracking_url: "https://pepe.example/track/P-1" });
    const bad = await act(ship.POST, "ship", o.id, s.owner.accessToken, { carrier: "other", tracking_number: "P-2", tracking_url: "javascript:alert(1)" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe("tracking_url");
    const done = await act(deliver.POST, "deliver", o.id, s.staff.accessToken);
    expect(done.status).toBe(200);
    expect(done.body.shipment.delivered_at).toEqual(expect.any(String));
    expect(done.body.delivered_at).toEqual(expect.any(String));
  });

  test("pickup: ready for pickup sends one message with the address and hours; picked up is deliver", async () => {
    const { s, o } = await paidWithDetails("pickup");
    graph.reset();
    const ready = await act(readyForPickup.POST, "ready-for-pickup", o.id, s.staff.accessToken);
    expect(ready.status).toBe(200);
    await act(readyForPickup.POST, "ready-for-pickup", o.id, s.staff.accessToken);
    const sent = graph.calls.filter((c) => c.kind === "message");
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.message)).toContain("Av. Providencia 1234");
    expect(JSON.stringify(sent[0]!.message)).toContain("10:00");
    const picked = await act(deliver.POST, "deliver", o.id, s.staff.accessToken);
    expect(picked.body).toMatchObject({ fulfillment: "shipped", delivered_at: expect.any(String) });
  });
});

describe("the seller's queue: to ship, pick list, courier CSV, bulk tracking", () => {
  async function twoBuyers() {
    const s = await shop({ methods: [SHIPPING, PICKUP], window: 48 });
    const a1 = await order(s, 2);
    await putDetails(a1.id, a1.checkoutToken, buyerDetails(s, "shipping"));
    await paySandbox(s, a1.id);
    const a2 = await order(s, 1);
    await putDetails(a2.id, a2.checkoutToken, buyerDetails(s, "shipping"));
    await paySandbox(s, a2.id);
    const other = await seedBuyer(s.store.id, s.pageId, "Beto");
    await prisma.buyer.update({ where: { id: other.id }, data: { psid: `psid_${other.id}`, lastInboundAt: new Date() } });
    const b = await order(s, 3, other.id);
    await putDetails(b.id, b.checkoutToken, { ...buyerDetails(s, "shipping"), name: "Beto Soto", address: { ...HOME, line1: "Los Leones 10" } });
    await paySandbox(s, b.id);
    const unpaid = await order(s, 1, (await seedBuyer(s.store.id, s.pageId)).id);
    const n = async (o: { id: string }) => ({ id: o.id, number: (await prisma.order.findUniqueOrThrow({ where: { id: o.id } })).number });
    return { s, a1: await n(a1), a2: await n(a2), b: await n(b), unpaid: await n(unpaid) };
  }
  const q = (s: Shop) => `?store_id=${s.store.id}`;

  test("the queue groups combined orders into one parcel with contact and address; the pick list counts units; STAFF sees it, strangers get 404", async () => {
    const { s, a1, a2, b } = await twoBuyers();
    const res = await call(toShip.GET, { path: `/api/v1/fulfilment/to-ship${q(s)}`, token: s.staff.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.groups).toHaveLength(2);
    const [first, second] = res.body.groups;
    expect(first.orders.map((o: { id: string }) => o.id)).toEqual([a1.id, a2.id]);
    expect(first).toMatchObject({ stage: "to_ship", contact: { name: "Carla Díaz", phone: "+56987654321" }, method: { type: "shipping" }, address: { line1: "Av. Italia 1500" } });
    expect(second.orders.map((o: { id: string }) => o.id)).toEqual([b.id]);

    const pl = await call(pickList.GET, { path: `/api/v1/fulfilment/pick-list${q(s)}`, token: s.staff.accessToken });
    expect(pl.body).toMatchObject({ orders: 3, units: 6, lines: [{ sku: "A12", quantity: 6 }] });
    const stranger = await signUp();
    expect((await call(toShip.GET, { path: `/api/v1/fulfilment/to-ship${q(s)}`, token: stranger.accessToken })).status).toBe(404);
  });

  test("the courier CSV has one row per parcel; a tracking CSV with a bad line ships nothing, a good one ships each parcel once", async () => {
    const { s, a1, a2, b, unpaid } = await twoBuyers();
    const csv = await call(shipmentsCsv.GET, { path: `/api/v1/fulfilment/shipments.csv${q(s)}`, token: s.owner.accessToken });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = String(csv.body).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${a1.number} ${a2.number}`);
    expect(lines[1]).toContain(`"56987654321"`);

    const upload = (text: string) => call(trackingImport.POST, { path: `/api/v1/fulfilment/tracking-import${q(s)}`, token: s.staff.accessToken, rawBody: text, headers: { "content-type": "text/csv" } });
    const bad = await upload(`order,carrier,tracking\n${a1.number},starken,ST1\n${unpaid.number},starken,ST2\n99999,dhl,X\n`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[3, "not_paid"], [4, "not_found"]]);
    expect(await prisma.shipment.count({ where: { storeId: s.store.id } })).toBe(0);

    graph.reset();
    const ok = await upload(`order,carrier,tracking\n#${a1.number},Starken,ST1\n${a2.number},starken,ST1\n${b.number},Blue Express,BX9\n`);
    expect(ok.status).toBe(200);
    expect(ok.body.shipped).toBe(3);
    expect(await prisma.shipment.count({ where: { storeId: s.store.id } })).toBe(2);
    expect(graph.calls.filter((c) => c.kind === "message")).toHaveLength(2);
    expect((await detail(b.id, s.owner.accessToken)).body.shipment).toMatchObject({ carrier: "blueexpress", tracking_url: "https://www.blue.cl/seguimiento/?n_seguimiento=BX9" });
    const after = await call(toShip.GET, { path: `/api/v1/fulfilment/to-ship${q(s)}`, token: s.staff.accessToken });
    expect(after.body.groups.map((g: { stage: string }) => g.stage)).toEqual(["in_transit", "in_transit"]);
  });
});
