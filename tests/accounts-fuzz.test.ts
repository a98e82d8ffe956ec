import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { NextRequest } from "next/server";
import { expect, it } from "vitest";
import { prisma } from "@/lib/db";
import * as productsRoute from "@/app/api/v1/inventory/products/route";
import * as createOrder from "@/app/api/v1/orders/create/route";
import * as livesRoute from "@/app/api/v1/lives/route";
import { checkApiPath } from "@/lib/http/input-guards";
import { createStoreFor, signUp } from "./helpers/factories";
import { call } from "./helpers/api";

// Every mutating /api/v1 route (read from the folder) gets hostile input as the store's OWNER: NUL
// characters in body strings, keys, query and path ids; malformed JSON; invalid UTF-8. Never a 500, and
// every refused request leaves the data exactly as it was.

const ROOT = join(process.cwd(), "app/api/v1");
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;
const TABLES = ["users", "stores", "memberships", "invitations", "products", "lives", "orders", "order_items", "reservations", "payment_configs", "payments", "buyers", "comments", "emails", "password_reset_tokens", "mfa_backup_codes"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

async function snapshot() {
  const parts = await Promise.all(TABLES.map((t) => prisma.$queryRawUnsafe<{ h: string | null }[]>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`)));
  return Object.fromEntries(TABLES.map((t, i) => [t, parts[i]![0]!.h]));
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

async function send(handler: Handler, method: string, url: string, params: Record<string, unknown>, token: string, body: string | Uint8Array, contentType = "application/json") {
  const req = new NextRequest(new URL(url, "http://localhost:3000"), { method, headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body: typeof body === "string" ? body : Buffer.from(body) });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, text };
}

it("hostile input to every mutating route: 4xx naming the problem, never 500, nothing changed", async () => {
  const owner = await signUp();
  const store = await createStoreFor(owner.accessToken);
  const product = await call(productsRoute.POST, { token: owner.accessToken, body: { store_id: store.id, sku: "A12", name: "Polera", price: 15990, stock: 50 } });
  const live = await call(livesRoute.POST, { token: owner.accessToken, body: { store_id: store.id, fb_video_id: "vfuzz", title: "Live" } });
  const order = await call(createOrder.POST, { token: owner.accessToken, body: { store_id: store.id, customer_fb_id: "fb_fuzz", items: [{ sku: "A12", qty: 1 }] } });
  const orderRow = await prisma.order.findUniqueOrThrow({ where: { id: order.body.order_id } });
  const ids: Record<string, string> = { stores: store.id, products: product.body.id, lives: live.body.id, orders: orderRow.id, buyers: orderRow.buyerId!, commentId: "c", memberId: "m", invitationId: "i", orderId: orderRow.id, provider: "sandbox" };

  const routes = routeFiles(ROOT).map((f) => relative(ROOT, f).replace(/\/?route\.ts$/, ""));
  const problems: string[] = [];
  let tried = 0;
  for (const route of routes) {
    const mod = (await import(/* @vite-ignore */ join(ROOT, route, "route.ts"))) as Record<string, Handler | undefined>;
    const segs = route.split("/");
    const params: Record<string, string> = {};
    segs.forEach((seg, i) => {
      const m = /^\[(?:\.\.\.)?(\w+)\]$/.exec(seg);
      if (m) params[m[1]!] = ids[m[1]!] ?? ids[segs[i - 1]!] ?? "x";
    });
    const path = "/api/v1/" + route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_m, k: string) => params[k]!);
    for (const method of MUTATING) {
      const handler = mod[method];
      if (!handler) continue;
      const cases: { name: string; url: string; params: Record<string, unknown>; body: string | Uint8Array; type?: string }[] = [
        { name: "NUL in body strings", url: `${path}?store_id=${store.id}`, params, body: JSON.stringify({ store_id: `${store.id}\u0000`, name: "a\u0000b", text: "\u0000", sku: "A\u000012", email: "a\u0000@x.io", token: "t\u0000".repeat(10), code: "\u0000", enabled: true }) },
        { name: "NUL in a key", url: `${path}?store_id=${store.id}`, params, body: JSON.stringify({ ["na\u0000me"]: "x", store_id: store.id }) },
        { name: "NUL in the query", url: `${path}?store_id=${store.id}%00`, params, body: "{}" },
        { name: "malformed JSON", url: `${path}?store_id=${store.id}`, params, body: '{"store_id": "' },
        { name: "invalid UTF-8", url: `${path}?store_id=${store.id}`, params, body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
        { name: "invalid UTF-8 CSV", url: `${path}?store_id=${store.id}`, params, body: new Uint8Array([0x73, 0x6b, 0x75, 0xff, 0x0a]), type: "text/csv" },
      ];
      if (Object.keys(params).length) cases.push({ name: "NUL in the path id", url: `${path}?store_id=${store.id}`, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, `${v}\u0000`])), body: "{}" });
      for (const c of cases) {
        const before = await snapshot();
        const res = await send(handler, method, c.url, c.params, owner.accessToken, c.body, c.type);
        tried++;
        if (res.status >= 500) problems.push(`${method} ${route} [${c.name}] → ${res.status} ${res.text.slice(0, 120)}`);
        if (res.status >= 400) {
          const after = await snapshot();
          const changed = TABLES.filter((t) => before[t] !== after[t]);
          if (changed.length) problems.push(`${method} ${route} [${c.name}] → ${res.status} but changed ${changed.join(", ")}`);
          if (!/"error"/.test(res.text)) problems.push(`${method} ${route} [${c.name}] → ${res.status} without a JSON error`);
        }
      }
    }
  }
  expect(tried).toBeGreaterThan(100);
  expect(problems).toEqual([]);
}, 240_000);

it("a malformed percent-encoding or a NUL in an API path is refused as JSON before routing", () => {
  expect(checkApiPath("/api/v1/orders/%E0%A4%A")).toMatchObject({ status: 400, body: { error: { code: "invalid_path" } } });
  expect(checkApiPath("/api/v1/orders/abc%00def")).toMatchObject({ status: 422, body: { error: { details: [{ field: "path", code: "invalid_characters" }] } } });
  expect(checkApiPath("/api/v1/orders/abc?q=%zz")).toBeNull();
});
