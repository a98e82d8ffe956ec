import { beforeAll, describe, expect, test } from "vitest";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import CheckoutPage from "@/app/checkout/[orderId]/page";
import * as pay from "@/app/checkout/[orderId]/pay/route";
import * as receipt from "@/app/checkout/[orderId]/receipt/route";
import * as reserveAgainRoute from "@/app/checkout/[orderId]/reserve-again/route";
import * as returnRoute from "@/app/checkout/[orderId]/return/route";
import * as sandboxComplete from "@/app/sandbox/pay/[ref]/complete/route";
import SandboxPage from "@/app/sandbox/pay/[ref]/page";
import { prisma } from "@/lib/db";
import { expireOrder } from "@/lib/orders/expire-order";
import { loadCheckoutOrder } from "@/lib/payments/checkout-order";
import { captureJobEvents, configureProvider, makeOverdue, pendingOrder, productState, queuedEvents } from "@/tests/helpers/payments";
import { call } from "./helpers/api";
import { seedBuyer, seedStore } from "./helpers/seed";

beforeAll(async () => {
  captureJobEvents();
  process.env.LSS_DATA_DIR = await mkdtemp(join(tmpdir(), "lss-receipts-"));
});

async function checkoutOrder(stock = 10, quantity = 1) {
  const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock, keywords: [], color: "rojo", size: "M" }] });
  const buyer = await seedBuyer(seeded.store.id, seeded.pageId);
  const order = await pendingOrder({ storeId: seeded.store.id, productId: seeded.products[0]!.id, buyerId: buyer.id, quantity });
  return { ...seeded, buyer, order, product: seeded.products[0]! };
}

// Buyer routes type their params precisely ({ orderId }); `call` passes them as a plain record.
const route = (handler: unknown) => handler as Parameters<typeof call>[0];
const form = (fields: Record<string, string>) => ({ rawBody: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });

async function notFoundDigest(render: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await render();
    return undefined;
  } catch (e) {
    return (e as { digest?: string }).digest;
  }
}

describe("checkout access", () => {
  test("the checkout page without a token, or with a wrong one, is a plain 404", async () => {
    const { order } = await checkoutOrder();
    const page = (t?: string) => () => CheckoutPage({ params: Promise.resolve({ orderId: order.id }), searchParams: Promise.resolve(t === undefined ? {} : { t }) });
    expect(await notFoundDigest(page())).toMatch(/404/);
    expect(await notFoundDigest(page("wrong-token"))).toMatch(/404/);
    expect(await notFoundDigest(page(order.checkoutToken.slice(0, -1)))).toMatch(/404/);
    const other = await checkoutOrder();
    expect(await notFoundDigest(page(other.order.checkoutToken))).toMatch(/404/); // another order's valid token
    expect(await notFoundDigest(() => SandboxPage({ params: Promise.resolve({ ref: order.id }), searchParams: Promise.resolve({ t: "nope" }) }))).toMatch(/404/);
  });

  test("token checks accept only the order's own token", async () => {
    const { order } = await checkoutOrder();
    expect(await loadCheckoutOrder({ orderId: order.id, token: order.checkoutToken })).toMatchObject({ id: order.id });
    expect(await loadCheckoutOrder({ orderId: order.id, token: `${order.checkoutToken}x` })).toBeNull();
    expect(await loadCheckoutOrder({ orderId: "does-not-exist", token: order.checkoutToken })).toBeNull();
    expect(await loadCheckoutOrder({ orderId: order.id, token: null })).toBeNull();
  });

  test("every buyer endpoint answers a bare 404 to a wrong token, without any order data", async () => {
    const { order, store } = await checkoutOrder();
    const wrong = { t: "guess", method: "sandbox", lang: "es" };
    const answers = await Promise.all([
      call(route(pay.POST), { path: `/checkout/${order.id}/pay`, params: { orderId: order.id }, ...form(wrong) }),
      call(route(reserveAgainRoute.POST), { path: `/checkout/${order.id}/reserve-again`, params: { orderId: order.id }, ...form(wrong) }),
      call(route(sandboxComplete.POST), { path: `/sandbox/pay/${order.id}/complete`, params: { ref: order.id }, ...form({ ...wrong, outcome: "success" }) }),
      call(route(returnRoute.GET), { path: `/checkout/${order.id}/return?t=guess&provider=paypal`, params: { orderId: order.id } }),
      call(route(receipt.POST), { path: `/checkout/${order.id}/receipt`, params: { orderId: order.id }, ...form(wrong) }),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(String(a.body)).toBe("Not found");
      expect(String(a.body)).not.toContain(store.name);
    }
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
    expect(await prisma.payment.count({ where: { orderId: order.id } })).toBe(0);
  });
});

describe("paying at checkout", () => {
  test("choosing the sandbox opens one link (reused on a second tap), and Pay on the sandbox page settles the order", async () => {
    const { order, product } = await checkoutOrder(10, 2);
    const choose = () => call(route(pay.POST), { path: `/checkout/${order.id}/pay`, params: { orderId: order.id }, ...form({ t: order.checkoutToken, method: "sandbox", lang: "pt" }) });
    const first = await choose();
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`http://localhost:3000/sandbox/pay/${order.id}?t=${encodeURIComponent(order.checkoutToken)}`);
    expect(first.headers.get("set-cookie")).toContain("lss_checkout_lang=pt");
    const second = await choose();
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(await prisma.payment.count({ where: { orderId: order.id } })).toBe(1);

    const done = await call(route(sandboxComplete.POST), { path: `/sandbox/pay/${order.id}/complete`, params: { ref: order.id }, ...form({ t: order.checkoutToken, outcome: "success", lang: "pt" }) });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/checkout/${order.id}?t=${encodeURIComponent(order.checkoutToken)}&lang=pt`);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect(await productState(product.id)).toEqual({ stock: 8, reserved: 0, available: 8 });
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "SUCCEEDED", provider: "sandbox" });
    expect(await queuedEvents("payment/succeeded", order.id)).toHaveLength(1);
  });

  test("Fail on the sandbox page sends the buyer to the failure view with the order still payable", async () => {
    const { order } = await checkoutOrder();
    const res = await call(route(sandboxComplete.POST), { path: `/sandbox/pay/${order.id}/complete`, params: { ref: order.id }, ...form({ t: order.checkoutToken, outcome: "failure" }) });
    expect(res.headers.get("location")).toContain("result=failed");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
    expect(await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "FAILED" });
  });

  test("a method the store did not enable is refused without calling any provider", async () => {
    const { order } = await checkoutOrder();
    const res = await call(route(pay.POST), { path: `/checkout/${order.id}/pay`, params: { orderId: order.id }, ...form({ t: order.checkoutToken, method: "paypal" }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("error=unavailable");
    expect(await prisma.payment.count({ where: { orderId: order.id } })).toBe(0);
  });

  test("Flow needs the buyer's e-mail before a link is created", async () => {
    const { order, store, owner } = await checkoutOrder();
    await configureProvider({ storeId: store.id, ownerId: owner.id, provider: "flow", credentials: { apiKey: "k", secretKey: "s" } });
    const res = await call(route(pay.POST), { path: `/checkout/${order.id}/pay`, params: { orderId: order.id }, ...form({ t: order.checkoutToken, method: "flow", email: "nope" }) });
    expect(res.headers.get("location")).toContain("error=email");
    expect(await prisma.payment.count({ where: { orderId: order.id } })).toBe(0);
  });
});

describe("bank transfer receipt", () => {
  const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2e1a3f50000000049454e44ae426082", "hex");

  /** A multipart body exactly as the browser's upload form sends it. */
  function upload(token: string, file: Buffer, type: string) {
    const body = new FormData();
    body.set("t", token);
    body.set("lang", "es");
    body.set("receipt", new Blob([new Uint8Array(file)], { type }), "comprobante");
    return new Request("http://localhost:3000/x", { method: "POST", body });
  }

  test("an image receipt is stored under uploads/receipts, attached to a pending transfer payment and announced to the seller", async () => {
    const { order, store, owner } = await checkoutOrder();
    await configureProvider({ storeId: store.id, ownerId: owner.id, provider: "transfer", credentials: { bankName: "Banco", accountHolder: "Ana", accountNumber: "123", accountType: "Vista" } });
    const req = upload(order.checkoutToken, PNG, "image/png");
    const res = await call(route(receipt.POST), { path: `/checkout/${order.id}/receipt`, params: { orderId: order.id }, rawBody: Buffer.from(await req.arrayBuffer()), headers: { "content-type": req.headers.get("content-type")! } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("receipt=ok");
    const payment = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id, provider: "transfer" } });
    expect(payment.status).toBe("PENDING");
    expect(payment.receiptPath).toMatch(new RegExp(`^receipts/${order.id}/.+\\.png$`));
    expect(await readFile(join(process.env.LSS_DATA_DIR!, "uploads", payment.receiptPath!))).toEqual(PNG);
    expect(await prisma.outboundMessage.count({ where: { orderId: order.id, purpose: "seller_alert" } })).toBe(1);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING"); // the seller confirms
  });

  test("a file that is not an image or PDF is refused whatever it claims to be", async () => {
    const { order } = await checkoutOrder();
    const req = upload(order.checkoutToken, Buffer.from("<html><script>alert(1)</script></html>"), "image/png");
    const res = await call(route(receipt.POST), { path: `/checkout/${order.id}/receipt`, params: { orderId: order.id }, rawBody: Buffer.from(await req.arrayBuffer()), headers: { "content-type": req.headers.get("content-type")! } });
    expect(res.headers.get("location")).toContain("receipt=rejected");
    expect(await prisma.payment.count({ where: { orderId: order.id } })).toBe(0);
  });
});

describe("reserve again after expiry", () => {
  test("one tap re-reserves the same items as a new order with a new link; a second tap returns the same order", async () => {
    const { order, product } = await checkoutOrder(3, 2);
    await makeOverdue(order.id);
    await expireOrder({ orderId: order.id });
    const tap = () => call(route(reserveAgainRoute.POST), { path: `/checkout/${order.id}/reserve-again`, params: { orderId: order.id }, ...form({ t: order.checkoutToken, lang: "en" }) });
    const first = await tap();
    expect(first.status).toBe(303);
    const location = first.headers.get("location")!;
    const [, newId, newToken] = /^\/checkout\/([^?]+)\?t=([^&]+)&lang=en$/.exec(location) ?? [];
    expect(newId).toBeTruthy();
    expect(newId).not.toBe(order.id);
    const fresh = await prisma.order.findUniqueOrThrow({ where: { id: newId! }, include: { items: true } });
    expect(fresh).toMatchObject({ status: "PENDING", checkoutToken: decodeURIComponent(newToken!), buyerId: order.buyerId, totalMinor: order.totalMinor });
    expect(fresh.items.map((i) => [i.sku, i.quantity])).toEqual([["A12", 2]]);
    expect(await productState(product.id)).toEqual({ stock: 3, reserved: 2, available: 1 });
    expect(await queuedEvents("order/created", newId)).toHaveLength(1);

    const second = await tap();
    expect(second.headers.get("location")).toBe(location);
    expect(await productState(product.id)).toEqual({ stock: 3, reserved: 2, available: 1 });
  });

  test("with the stock gone the tap leaves the buyer on the expired cart and reserves nothing", async () => {
    const { order, product, store, pageId } = await checkoutOrder(1, 1);
    await makeOverdue(order.id);
    await expireOrder({ orderId: order.id });
    await pendingOrder({ storeId: store.id, productId: product.id, buyerId: (await seedBuyer(store.id, pageId, "Otra")).id });
    const res = await call(route(reserveAgainRoute.POST), { path: `/checkout/${order.id}/reserve-again`, params: { orderId: order.id }, ...form({ t: order.checkoutToken }) });
    expect(res.headers.get("location")).toBe(`/checkout/${order.id}?t=${encodeURIComponent(order.checkoutToken)}`);
    expect(await productState(product.id)).toEqual({ stock: 1, reserved: 1, available: 0 });
    expect(await prisma.order.count({ where: { buyerId: order.buyerId } })).toBe(1);
  });
});
