import { beforeAll, describe, expect, test } from "vitest";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import * as sellerPdf from "@/app/api/v1/stores/[id]/invoices/[invoiceId]/pdf/route";
import * as adminPdf from "@/app/api/admin/invoices/[id]/pdf/route";
import * as invoicesRoute from "@/app/api/v1/stores/[id]/invoices/route";
import { NextRequest } from "next/server";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";

// Issue 17 §4: a monthly invoice as a PDF with the platform's and the store's details, its lines and a
// total per currency equal to what collection charges; downloadable by the owner and by a superadmin.

beforeAll(() => {
  process.env.BILLING_ISSUER_NAME = "LiveStreamSell SpA";
  process.env.BILLING_ISSUER_TAX_ID = "76.123.456-7";
  reloadEnv();
});

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function download(handler: Handler, params: Record<string, string>, token: string, lang?: string) {
  const url = `http://localhost:3000/x${lang ? `?lang=${lang}` : ""}`;
  const res = await handler(new NextRequest(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), body: Buffer.from(await res.arrayBuffer()) };
}

let seq = 0;
async function paidOrder(storeId: string, totalMinor: number, currency: string, paidAt: Date) {
  const key = `pdf-${randomBytes(6).toString("hex")}-${seq++}`;
  await prisma.order.create({ data: { storeId, currency, subtotalMinor: totalMinor, totalMinor, status: "PAID", paidAt, expiresAt: new Date(Date.now() + 3600_000), idempotencyKey: key, checkoutToken: key } });
}

describe("PDF invoices", () => {
  test("the owner downloads last month's invoice: numbered, both parties, subscription and commission lines, totals per currency equal to the invoice's totals", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken, { name: "Tienda Rosa" });
    const now = new Date();
    const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    await prisma.subscription.update({ where: { storeId: store.id }, data: { createdAt: since, trialEndsAt: since, status: "ACTIVE" } });
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 12));
    await paidOrder(store.id, 150_000, "CLP", lastMonth); // 1 % → 1,500 CLP
    await paidOrder(store.id, 4_990, "USD", lastMonth); // 1 % → 50 (49.9 rounded)
    const list = await call(invoicesRoute.GET, { params: { id: store.id }, token: owner.accessToken });
    const issued = list.body.items[1];
    expect(issued.totals).toEqual({ USD: 2900 + 50, CLP: 1500 });

    const res = await download(sellerPdf.GET, { id: store.id, invoiceId: issued.id }, owner.accessToken, "es");
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/pdf");
    expect(res.disposition).toContain(`invoice-${issued.number}-${issued.period}.pdf`);
    expect(res.body.subarray(0, 5).toString()).toBe("%PDF-");
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/invoice-es.pdf", res.body); // to look at (pdftoppm), not committed
    const text = pdfText(res.body).join("\n");
    expect(text).toContain(`Factura N.º ${issued.number}`);
    expect(text).toContain("LiveStreamSell SpA");
    expect(text).toContain("76.123.456-7");
    expect(text).toContain("Tienda Rosa");
    expect(text).toContain(owner.email);
    expect(text).toContain(`Suscripción al plan Starter, ${issued.period}`);
    expect(text).toContain("Estado: Abierta · se cobra automáticamente");
    expect(text).toContain("Comisión sobre pedidos pagados (CLP)\n1500 CLP\nComisión sobre pedidos pagados (USD)\n0,50 US$");
    expect(text).toContain("Total CLP\n1500 CLP\nTotal USD\n29,50 US$");

    // Arabic: Arabic labels in an embedded font with Arabic glyphs, laid out right to left; the numbers are the same.
    const arPdf = (await download(sellerPdf.GET, { id: store.id, invoiceId: issued.id }, owner.accessToken, "ar")).body;
    writeFileSync("test-results/invoice-ar.pdf", arPdf);
    expect(arPdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);

    // The operator downloads the same invoice; a stranger and a seller on the admin route get 404.
    const admin = await signUp();
    await prisma.user.update({ where: { id: admin.userId }, data: { platformRole: "SUPERADMIN" } });
    const op = await download(adminPdf.GET, { id: issued.id }, admin.accessToken, "en");
    expect(op.status).toBe(200);
    expect(pdfText(op.body).join("\n")).toContain("Tienda Rosa");
    const stranger = await signUp();
    const strangerStore = await createStoreFor(stranger.accessToken);
    expect((await download(sellerPdf.GET, { id: store.id, invoiceId: issued.id }, stranger.accessToken)).status).toBe(404);
    expect((await download(sellerPdf.GET, { id: strangerStore.id, invoiceId: issued.id }, stranger.accessToken)).status).toBe(404);
    expect((await download(adminPdf.GET, { id: issued.id }, owner.accessToken)).status).toBe(404);
    expect((await download(adminPdf.GET, { id: "missing" }, admin.accessToken)).status).toBe(404);
  });
});
