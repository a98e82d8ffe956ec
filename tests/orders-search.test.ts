import { NextRequest } from "next/server";
import { beforeAll, describe, expect, test } from "vitest";
import * as ordersList from "@/app/api/v1/orders/route";
import * as counts from "@/app/api/v1/orders/counts/route";
import * as exportRoute from "@/app/api/v1/orders/export/route";
import * as create from "@/app/api/v1/orders/create/route";
import * as ship from "@/app/api/v1/orders/[id]/ship/route";
import * as cancel from "@/app/api/v1/orders/[id]/cancel/route";
import * as webhook from "@/app/api/webhooks/payments/[provider]/route";
import * as products from "@/app/api/v1/inventory/products/route";
import { prisma } from "@/lib/db";
import { captureJobEvents, sandboxDelivery } from "@/tests/helpers/payments";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

// Issue 11 item 7: the Orders screen searches (buyer, product, SKU, order number) on the server, inside
// one tenant, counts each tab, pages, and exports exactly the filtered list as a safe CSV.

beforeAll(() => captureJobEvents());

const FORMULA_BUYER = "=cmd|' /C calc'!A0";

async function sellerWithCatalog(catalog: { sku: string; name: string; price: number; stock: number }[]) {
  const seller = await signUp();
  const store = await createStoreFor(seller.accessToken);
  for (const p of catalog) {
    const res = await call(products.POST, { path: "/api/v1/inventory/products", token: seller.accessToken, body: { store_id: store.id, keywords: [], ...p } });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
  return { token: seller.accessToken, storeId: store.id };
}
type Seller = Awaited<ReturnType<typeof sellerWithCatalog>>;

async function order(s: Seller, buyer: { id: string; name: string }, items: { sku: string; qty: number }[]) {
  const res = await call(create.POST, { path: "/api/v1/orders/create", token: s.token, body: { store_id: s.storeId, customer_fb_id: buyer.id, customer_name: buyer.name, items } });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return prisma.order.findUniqueOrThrow({ where: { id: res.body.order_id as string } });
}

async function pay(s: Seller, o: { id: string; totalMinor: number; currency: string }) {
  const res = await call(webhook.POST, sandboxDelivery({ storeId: s.storeId, orderId: o.id, amountMinor: o.totalMinor, currency: o.currency, transactionId: `txn_${o.id}` }));
  expect(res.body.outcome).toBe("paid");
}

const list = (s: Seller, query: string) => call(ordersList.GET, { path: `/api/v1/orders?store_id=${s.storeId}&${query}`, token: s.token });
const numbers = (res: { body: { number: number }[] }) => res.body.map((o) => o.number);

/** Parses our own CSV (every cell quoted, "" for a quote, CRLF rows). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

describe("orders: search, tabs and export", () => {
  let s: Seller;
  let other: Seller;
  const o: Record<string, { id: string; number: number; totalMinor: number; currency: string }> = {};

  beforeAll(async () => {
    s = await sellerWithCatalog([
      { sku: "A12", name: "Polera roja M", price: 15990, stock: 20 },
      { sku: "B07", name: "Bolso negro", price: 39990, stock: 20 },
      { sku: "X1", name: '=HYPERLINK("http://evil","Gorro")', price: 5000, stock: 20 },
    ]);
    other = await sellerWithCatalog([{ sku: "A12", name: "Polera roja M", price: 15990, stock: 20 }]);

    o.carla = await order(s, { id: "fb_carla", name: "Carla Pérez" }, [{ sku: "A12", qty: 2 }]);
    await pay(s, o.carla);
    o.joana = await order(s, { id: "fb_joana", name: "Joana Silva" }, [{ sku: "B07", qty: 1 }]);
    o.formula = await order(s, { id: "fb_evil", name: FORMULA_BUYER }, [{ sku: "X1", qty: 1 }]);
    expect((await call(cancel.POST, { method: "POST", path: `/api/v1/orders/${o.formula.id}/cancel`, params: { id: o.formula.id }, token: s.token, body: {} })).status).toBe(200);
    o.ana = await order(s, { id: "fb_ana", name: "Ana \"La Chica\" Díaz" }, [{ sku: "A12", qty: 1 }, { sku: "B07", qty: 1 }]);
    await pay(s, o.ana);
    expect((await call(ship.POST, { method: "POST", path: `/api/v1/orders/${o.ana.id}/ship`, params: { id: o.ana.id }, token: s.token, body: {} })).status).toBe(200);
    // Another store: the same buyer name, product and SKU; its order #5 has no twin in the first store (which has #1–#4).
    for (let i = 1; i <= 4; i++) await order(other, { id: `fb_other_${i}`, name: `Otra ${i}` }, [{ sku: "A12", qty: 1 }]);
    o.otherCarla = await order(other, { id: "fb_carla", name: "Carla Pérez" }, [{ sku: "A12", qty: 1 }]);
  });

  test("search by buyer name, product name, SKU or order number — any case, part of a word — only in the caller's store", async () => {
    expect(numbers(await list(s, "q=carla"))).toEqual([o.carla!.number]);
    expect(numbers(await list(s, "q=P%C3%89REZ"))).toEqual([o.carla!.number]);
    expect(numbers(await list(s, "q=bolso"))).toEqual([o.ana!.number, o.joana!.number]);
    expect(numbers(await list(s, "q=a12"))).toEqual([o.ana!.number, o.carla!.number]);
    expect(numbers(await list(s, `q=%23${o.joana!.number}`))).toEqual([o.joana!.number]);
    // A bare number finds the order with that number (and any SKU or name containing it).
    expect(numbers(await list(s, `q=${o.joana!.number}`))).toContain(o.joana!.number);
    // The other store's order, by its number or its buyer: never.
    expect(o.otherCarla!.number).toBe(5);
    expect(numbers(await list(s, `q=%23${o.otherCarla!.number}`))).toEqual([]);
    // Numbers count per store: "#1" in each store is that store's own first order.
    expect((await list(s, "q=%231")).body.map((r: { id: string }) => r.id)).toEqual([o.carla!.id]);
    expect(numbers(await call(ordersList.GET, { path: `/api/v1/orders?store_id=${other.storeId}&q=carla`, token: other.token }))).toEqual([o.otherCarla!.number]);
    expect(numbers(await list(s, "q=nothing-like-this"))).toEqual([]);
  });

  test("status tabs: paid and still to ship, several statuses at once, pages with a total", async () => {
    expect(numbers(await list(s, "status=paid&fulfillment=unfulfilled"))).toEqual([o.carla!.number]);
    expect(numbers(await list(s, "status=paid,cancelled"))).toEqual([o.ana!.number, o.formula!.number, o.carla!.number]);
    expect(numbers(await list(s, "status=refund_needed,refunded"))).toEqual([]);
    const page2 = await list(s, "limit=2&offset=2");
    expect(numbers(page2)).toEqual([o.joana!.number, o.carla!.number]);
    expect(page2.headers.get("x-total-count")).toBe("4");
    expect((await list(s, "q=bolso&limit=1")).headers.get("x-total-count")).toBe("2");
    const bad = await list(s, "status=shipped");
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: expect.stringMatching(/^status/), code: "invalid_option" })]);
  });

  test("tab counts follow the search and never count another store's orders", async () => {
    const all = await call(counts.GET, { path: `/api/v1/orders/counts?store_id=${s.storeId}`, token: s.token });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ total: 4, to_ship: 1, by_status: { pending: 1, paid: 2, expired: 0, cancelled: 1, refund_needed: 0, refunded: 0 } });
    const searched = await call(counts.GET, { path: `/api/v1/orders/counts?store_id=${s.storeId}&q=polera`, token: s.token });
    expect(searched.body).toEqual({ total: 2, to_ship: 1, by_status: { pending: 0, paid: 2, expired: 0, cancelled: 0, refund_needed: 0, refunded: 0 } });
    const theirs = await call(counts.GET, { path: `/api/v1/orders/counts?store_id=${other.storeId}`, token: other.token });
    expect(theirs.body.total).toBe(5);
  });

  test("CSV export: the filtered list, headers in the seller's language, quoted cells, formulas defused", async () => {
    const res = await call(exportRoute.GET, { path: `/api/v1/orders/export?store_id=${s.storeId}&lang=es`, token: s.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = res.body as unknown as string;
    // A UTF-8 byte order mark first, so spreadsheets read "Pérez" right (Response.text() drops it).
    const raw = await exportRoute.GET(new NextRequest(`http://localhost:3000/api/v1/orders/export?store_id=${s.storeId}`, { headers: { authorization: `Bearer ${s.token}` } }), { params: Promise.resolve({}) });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(["Pedido", "Fecha", "Estado", "Envío", "Comprador", "Productos", "Unidades", "Total", "Moneda", "Medio de pago"]);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([o.ana!.number, o.formula!.number, o.joana!.number, o.carla!.number]);
    const byNumber = new Map(rows.slice(1).map((r) => [Number(r[0]), r]));
    expect(byNumber.get(o.carla!.number)).toEqual([String(o.carla!.number), expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), "Pagado", "Sin despachar", "Carla Pérez", "Polera roja M ×2", "2", "31980", "CLP", "Pagos de prueba (sin dinero real)"]);
    expect(byNumber.get(o.ana!.number)!.slice(2, 7)).toEqual(["Pagado", "Despachado", 'Ana "La Chica" Díaz', "Polera roja M ×1; Bolso negro ×1", "2"]);
    // Formula injection: the cell is text that starts with an apostrophe, not =.
    expect(byNumber.get(o.formula!.number)!.slice(2, 6)).toEqual(["Cancelado", "", `'${FORMULA_BUYER}`, `'=HYPERLINK("http://evil","Gorro") ×1`]);
    expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
    expect(text).toContain('"Ana ""La Chica"" Díaz"');
    // Another store's order never appears: exactly this store's four rows (the order numbers are checked above;
    // a substring test on the number was flaky because a time like "15:25" also ends in "5").
    expect(rows).toHaveLength(5);

    const filtered = parseCsv((await call(exportRoute.GET, { path: `/api/v1/orders/export?store_id=${s.storeId}&status=paid&fulfillment=unfulfilled&lang=pt`, token: s.token })).body as unknown as string);
    expect(filtered[0]![0]).toBe("Pedido");
    expect(filtered.slice(1).map((r) => Number(r[0]))).toEqual([o.carla!.number]);
    const searched = parseCsv((await call(exportRoute.GET, { path: `/api/v1/orders/export?store_id=${s.storeId}&q=bolso&lang=ar`, token: s.token })).body as unknown as string);
    expect(searched[0]![0]).toBe("الطلب");
    expect(searched.slice(1).map((r) => Number(r[0]))).toEqual([o.ana!.number, o.joana!.number]);
  });

  test("another tenant's store answers 404 for the list, the counts and the export", async () => {
    for (const [handler, path] of [
      [ordersList.GET, `/api/v1/orders?store_id=${s.storeId}&q=carla`],
      [counts.GET, `/api/v1/orders/counts?store_id=${s.storeId}`],
      [exportRoute.GET, `/api/v1/orders/export?store_id=${s.storeId}`],
    ] as const) {
      const res = await call(handler, { path, token: other.token });
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Carla");
    }
    // Without store_id, the caller's own store: the other tenant never sees this store's orders.
    const own = await call(exportRoute.GET, { path: `/api/v1/orders/export`, token: other.token });
    const rows = parseCsv(own.body as unknown as string);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([5, 4, 3, 2, 1]);
    expect(rows.map((r) => r.join(" "))).not.toContainEqual(expect.stringContaining("Joana"));
  });
});
