import { describe, expect, test } from "vitest";
import { SignJWT } from "jose";
import { createHmac } from "node:crypto";
import * as token from "@/app/api/v1/auth/token/route";
import * as refresh from "@/app/api/v1/auth/refresh/route";
import * as revoke from "@/app/api/v1/auth/revoke/route";
import * as storeById from "@/app/api/v1/stores/[id]/route";
import * as storeMeta from "@/app/api/v1/stores/[id]/meta/route";
import * as products from "@/app/api/v1/inventory/products/route";
import * as productById from "@/app/api/v1/inventory/products/[id]/route";
import * as importRoute from "@/app/api/v1/inventory/import/route";
import * as health from "@/app/health/route";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { call } from "./helpers/api";
import { createStoreFor, signUp, uniqueEmail } from "./helpers/factories";
import { sessionCookieFor } from "./helpers/session";

const CSV = [
  "\uFEFFsku,name,description,price,stock,keywords",
  'A12,Polera roja M,"Algodón, suave",15990,10,polera;roja;m',
  'B07,"Bolso ""Cuero"" negro",,39990,3,bolso;cartera;negro',
  "C01,Zapatillas blancas 38,,49990,0,zapatillas;blancas",
].join("\r\n");

async function importCsv(accessToken: string, storeId: string, csv: string) {
  return call(importRoute.POST, { path: `/api/v1/inventory/import?store_id=${storeId}`, token: accessToken, rawBody: csv, headers: { "content-type": "text/csv" } });
}

describe("seller API: register → token → store → CSV import → products", () => {
  test("the whole happy path works and products come back with available stock", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const imported = await importCsv(seller.accessToken, store.id, CSV);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 3, updated: 0, errors: [] });

    const list = await call(products.GET, { path: `/api/v1/inventory/products?store_id=${store.id}`, token: seller.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.map((p: { sku: string }) => p.sku)).toEqual(["A12", "B07", "C01"]);
    const bag = list.body.find((p: { sku: string }) => p.sku === "B07");
    expect(bag).toMatchObject({ name: 'Bolso "Cuero" negro', price: 39990, stock: 3, reserved: 0, available: 3, keywords: ["bolso", "cartera", "negro"] });
    expect(list.body[0].description).toBe("Algodón, suave");

    const search = await call(products.GET, { path: `/api/v1/inventory/products?store_id=${store.id}&q=bolso`, token: seller.accessToken });
    expect(search.body).toHaveLength(1);

    // Re-importing updates in place instead of duplicating.
    const again = await importCsv(seller.accessToken, store.id, "sku,name,price,stock\nA12,Polera roja M,14990,12\n");
    expect(again.body).toMatchObject({ created: 0, updated: 1 });
    expect((await prisma.product.findFirstOrThrow({ where: { storeId: store.id, sku: "A12" } })).priceMinor).toBe(14990);
  });

  test("prices in a two-decimal currency are stored exactly in minor units", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken, { currency: "USD", country: "US", locale: "en" });
    const res = await importCsv(seller.accessToken, store.id, "sku,name,price,stock\nT1,Tee,19.99,5\nT2,Cap,0.1,1\n");
    expect(res.status).toBe(200);
    const rows = await prisma.product.findMany({ where: { storeId: store.id }, orderBy: { sku: "asc" } });
    expect(rows.map((r) => r.priceMinor)).toEqual([1999, 10]);
    const bad = await importCsv(seller.accessToken, store.id, "sku,name,price,stock\nT3,Tee,19.999,5\n");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ line: 2, field: "price" });
  });
});

describe("tenancy: another tenant's ids answer 404", () => {
  test("a second seller cannot see or touch the first seller's store or products", async () => {
    const ana = await signUp();
    const store = await createStoreFor(ana.accessToken);
    await importCsv(ana.accessToken, store.id, CSV);
    const product = await prisma.product.findFirstOrThrow({ where: { storeId: store.id, sku: "A12" } });
    const eve = await signUp();
    await createStoreFor(eve.accessToken);

    expect((await call(storeById.GET, { token: eve.accessToken, params: { id: store.id } })).status).toBe(404);
    expect((await call(products.GET, { path: `/api/v1/inventory/products?store_id=${store.id}`, token: eve.accessToken })).status).toBe(404);
    expect((await call(productById.GET, { token: eve.accessToken, params: { id: product.id } })).status).toBe(404);
    const patch = await call(productById.PATCH, { method: "PATCH", token: eve.accessToken, params: { id: product.id }, body: { stock: 0 } });
    expect(patch.status).toBe(404);
    expect((await call(productById.DELETE, { method: "DELETE", token: eve.accessToken, params: { id: product.id } })).status).toBe(404);
    expect((await importCsv(eve.accessToken, store.id, CSV)).status).toBe(404);
    expect((await call(storeMeta.PUT, { method: "PUT", token: eve.accessToken, params: { id: store.id }, body: { page_access_token: "EAAB".padEnd(40, "x") } })).status).toBe(404);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(10);
    // A product id of someone else in the creation payload's store_id is refused the same way.
    const create = await call(products.POST, { token: eve.accessToken, body: { store_id: store.id, sku: "X1", name: "x", price: 1, stock: 1 } });
    expect(create.status).toBe(404);
  });
});

describe("bad input gets a clear 4xx naming the field and changes nothing", () => {
  test("malformed JSON, wrong types and oversize bodies", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const before = await prisma.product.count();

    const malformed = await call(products.POST, { token: seller.accessToken, rawBody: '{"store_id": "x", ', headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_json");

    const wrongTypes = await call(products.POST, { token: seller.accessToken, body: { store_id: store.id, sku: "A1", name: "Polera", price: 100, stock: "ten" } });
    expect(wrongTypes.status).toBe(422);
    expect(wrongTypes.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: "stock" })]));
    expect(wrongTypes.body.error.message).toContain("stock");

    const negative = await call(products.POST, { token: seller.accessToken, body: { store_id: store.id, sku: "A1", name: "Polera", price: -5, stock: 1 } });
    expect(negative.status).toBe(422);
    expect(negative.body.error.message).toContain("price");

    const huge = await call(products.POST, { token: seller.accessToken, rawBody: JSON.stringify({ store_id: store.id, sku: "A1", name: "x".repeat(300_000), price: 1, stock: 1 }), headers: { "content-type": "application/json" } });
    expect(huge.status).toBe(413);

    const badStore = await call((await import("@/app/api/v1/stores/route")).POST, { token: seller.accessToken, body: { name: "X", country: "Chile", currency: "PESOS" } });
    expect(badStore.status).toBe(422);
    expect(badStore.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["country", "currency"]);

    expect(await prisma.product.count()).toBe(before);
  });

  test("a CSV with any bad row imports nothing and reports every bad line with its field", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const csv = [
      "sku,name,description,price,stock,keywords",
      "A12,Polera roja M,,15990,10,polera;roja",
      "B07,Bolso,,-100,3,bolso",
      "C01,Zapatillas,,49990,-2,zapatillas",
      "A12,Polera repetida,,1000,1,",
      ",Sin SKU,,1000,1,",
      "D01,Muchas columnas,,1,1,x,extra",
      "E01,Precio raro,,abc,1,",
    ].join("\n");
    const res = await importCsv(seller.accessToken, store.id, csv);
    expect(res.status).toBe(422);
    expect(res.body.created).toBe(0);
    const byLine = Object.fromEntries(res.body.errors.map((e: { line: number; field?: string; message: string }) => [e.line, e]));
    expect(byLine[3]).toMatchObject({ field: "price" });
    expect(byLine[3].message).toMatch(/negative/);
    expect(byLine[4]).toMatchObject({ field: "stock" });
    expect(byLine[5]).toMatchObject({ field: "sku" });
    expect(byLine[5].message).toMatch(/duplicate/i);
    expect(byLine[6]).toMatchObject({ field: "sku" });
    expect(byLine[7].message).toMatch(/columns/);
    expect(byLine[8]).toMatchObject({ field: "price" });
    expect(byLine[2]).toBeUndefined();
    expect(await prisma.product.count({ where: { storeId: store.id } })).toBe(0);
  });

  test("a CSV that is not UTF-8, has no header or an unclosed quote is refused", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const latin1 = Buffer.from("sku,name,price,stock\nA1,Camiseta ni\xf1o,1000,1\n", "latin1");
    const notUtf8 = await call(importRoute.POST, { path: `/api/v1/inventory/import?store_id=${store.id}`, token: seller.accessToken, rawBody: latin1 });
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.error.code).toBe("invalid_encoding");
    expect((await importCsv(seller.accessToken, store.id, "A1,foo,1,1\n")).status).toBe(422);
    const unclosed = await importCsv(seller.accessToken, store.id, 'sku,name,price,stock\nA1,"Polera,1000,1\n');
    expect(unclosed.status).toBe(422);
    expect(unclosed.body.errors[0].message).toMatch(/quoted field/);
    expect(await prisma.product.count({ where: { storeId: store.id } })).toBe(0);
  });

  test("UTF-8 names and ; keywords survive the import", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const res = await importCsv(seller.accessToken, store.id, "sku,name,price,stock,keywords\nAR1,حقيبة سوداء,250,4,حقيبة;سوداء\nPT1,Calça jeans ção,100,2,calça; jeans ;\n");
    expect(res.status).toBe(200);
    const rows = await prisma.product.findMany({ where: { storeId: store.id }, orderBy: { sku: "asc" } });
    expect(rows[0]!.name).toBe("حقيبة سوداء");
    expect(rows[1]!.keywords).toEqual(["calça", "jeans"]);
  });
});

describe("tokens", () => {
  test("refresh rotates; a reused refresh token is refused and revokes the login", async () => {
    const seller = await signUp();
    const first = await call(refresh.POST, { body: { refresh_token: seller.refreshToken } });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(seller.refreshToken);
    expect(first.body.expires_in).toBe(3600);
    const reuse = await call(refresh.POST, { body: { refresh_token: seller.refreshToken } });
    expect(reuse.status).toBe(401);
    // Reuse means theft: the rotated pair is revoked too.
    expect((await call(refresh.POST, { body: { refresh_token: first.body.refresh_token } })).status).toBe(401);
    const storesList = await call((await import("@/app/api/v1/stores/route")).GET, { token: first.body.access_token });
    expect(storesList.status).toBe(401);
  });

  test("expired, revoked, forged and missing access tokens get 401", async () => {
    const seller = await signUp();
    const key = new Uint8Array(createHmac("sha256", env().AUTH_SECRET).update("lss/api-access/v1").digest());
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = await new SignJWT({ sid: "x", typ: "access" }).setProtectedHeader({ alg: "HS256" }).setSubject(seller.userId).setIssuedAt(past).setExpirationTime(past + 3600).sign(key);
    const storesRoute = (await import("@/app/api/v1/stores/route")).GET;
    const r1 = await call(storesRoute, { token: expired });
    expect(r1.status).toBe(401);
    expect(r1.body.error.message).toMatch(/expired/);
    const forged = await new SignJWT({ sid: "x", typ: "access" }).setProtectedHeader({ alg: "HS256" }).setSubject(seller.userId).setExpirationTime("1h").sign(new TextEncoder().encode("not-the-secret-not-the-secret-32"));
    expect((await call(storesRoute, { token: forged })).status).toBe(401);
    expect((await call(storesRoute, {})).status).toBe(401);
    expect((await call(storesRoute, { token: seller.accessToken })).status).toBe(200);
    expect((await call(revoke.POST, { body: { refresh_token: seller.refreshToken } })).status).toBe(204);
    expect((await call(storesRoute, { token: seller.accessToken })).status).toBe(401);
  });

  test("repeated login failures are rate limited with 429, even with the right password", async () => {
    const seller = await signUp({ email: uniqueEmail("brute") });
    let last = 0;
    for (let i = 0; i < 9; i++) last = (await call(token.POST, { body: { email: seller.email, password: "wrong password" } })).status;
    expect(last).toBe(429);
    const right = await call(token.POST, { body: { email: seller.email, password: seller.password } });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("stores", () => {
  test("the Page token is stored encrypted and never returned", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const secret = "page-token-for-tests-1234567890abcdef";
    const res = await call(storeMeta.PUT, { method: "PUT", token: seller.accessToken, params: { id: store.id }, body: { page_access_token: secret } });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(secret.slice(0, 20));
    const row = await prisma.metaConnection.findUniqueOrThrow({ where: { storeId: store.id } });
    expect(row.tokenCiphertext).not.toContain(secret);
    expect(row.tokenCiphertext.startsWith("v1:")).toBe(true);
    const { getPageAccessToken } = await import("@/lib/stores/stores");
    expect((await getPageAccessToken(store.id))?.token).toBe(secret);
    const got = await call(storeById.GET, { token: seller.accessToken, params: { id: store.id } });
    expect(got.body.meta_connected).toBe(true);
    expect(JSON.stringify(got.body)).not.toContain(secret.slice(0, 20));
  });

  test("cookie-authenticated mutations from another origin are refused (CSRF); same origin works", async () => {
    const seller = await signUp();
    const cookie = await sessionCookieFor({ id: seller.userId, email: seller.email });
    const storesRoute = await import("@/app/api/v1/stores/route");
    const body = { name: "Cookie Store", country: "CL", currency: "CLP" };
    const evil = await call(storesRoute.POST, { body, headers: { cookie, origin: "https://evil.example", host: "localhost:3000" } });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe("csrf_failed");
    const noOrigin = await call(storesRoute.POST, { body, headers: { cookie, host: "localhost:3000" } });
    expect(noOrigin.status).toBe(403);
    expect(await prisma.store.count({ where: { name: "Cookie Store" } })).toBe(0);
    const same = await call(storesRoute.POST, { body, headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" } });
    expect(same.status).toBe(201);
    // Reads with the cookie need no Origin.
    expect((await call(storesRoute.GET, { headers: { cookie } })).status).toBe(200);
  });
});

describe("health", () => {
  test("reports the database as ok after a real query", async () => {
    const res = await call(health.GET as never, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "alive", checks: { database: "ok", jobs: "ok" } });
    expect(Date.parse(res.body.timestamp)).not.toBeNaN();
  });
});
