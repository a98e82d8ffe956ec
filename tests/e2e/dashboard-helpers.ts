import AxeBuilder from "@axe-core/playwright";
import { createHmac } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_SECRETS } from "../../playwright.config";
import { createApiSeller, createProduct, patchStore, signInToDashboard, type ApiSeller } from "./checkout-helpers";

// Building blocks of the dashboard end-to-end specs: an API-made seller with a catalog and the
// simulator Page, screenshots, axe, and comments posted through the real signed Meta webhook.

export { signInToDashboard, type ApiSeller };

export const CATALOG = [
  { sku: "A12", name: "Polera roja M", price: 15990, stock: 10, color: "rojo", size: "M" },
  { sku: "A13", name: "Polera azul L", price: 15990, stock: 4, color: "azul", size: "L" },
  { sku: "B07", name: "Bolso negro", price: 39990, stock: 2 },
];

export const auth = (seller: ApiSeller) => ({ authorization: `Bearer ${seller.token}` });

/** A seller who finished onboarding: catalog imported, simulator Page connected. */
export async function readySeller(request: APIRequestContext, { keywords = true } = {}) {
  const seller = await createApiSeller(request);
  for (const p of CATALOG) {
    const res = await request.post("/api/v1/inventory/products", { headers: auth(seller), data: { store_id: seller.storeId, ...p, keywords: keywords ? p.name.toLowerCase().split(" ") : [] } });
    expect(res.status(), await res.text()).toBe(201);
  }
  const sim = await request.post("/api/dev/simulator/setup", { headers: auth(seller), data: { store_id: seller.storeId } });
  expect(sim.status(), await sim.text()).toBe(200);
  await patchStore(request, seller, { onboarding_step: 4, locale: "es-CL" });
  return seller;
}

export async function startLive(request: APIRequestContext, seller: ApiSeller, title = "Live de prueba") {
  const res = await request.post("/api/v1/lives", { headers: auth(seller), data: { store_id: seller.storeId, fb_video_id: `v${Date.now()}${Math.floor(Math.random() * 1000)}`, title } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; fb_video_id: string };
}

/** A buyer comments on the live: the simulator signs and posts a real Meta webhook. */
export async function comment(request: APIRequestContext, seller: ApiSeller, liveId: string, author: string, text: string) {
  const res = await request.post("/api/dev/simulator/comment", { headers: auth(seller), data: { live_id: liveId, author_name: author, text } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { comment_id: string; author_id: string };
}

/** Many comments at once in signed webhook deliveries of `perDelivery` changes each, as Meta batches them. */
export async function commentBurst(request: APIRequestContext, { pageId, videoId, count, perDelivery = 25 }: { pageId: string; videoId: string; count: number; perDelivery?: number }) {
  const deliveries = [];
  for (let start = 0; start < count; start += perDelivery) {
    const changes = Array.from({ length: Math.min(perDelivery, count - start) }, (_, i) => {
      const n = start + i;
      return { field: "feed", value: { item: "comment", verb: "add", comment_id: `${videoId}_burst${n}_${Date.now()}`, post_id: `${pageId}_${videoId}`, from: { id: String(7000000 + n), name: `Fan ${n}` }, message: n % 3 === 0 ? "hola! saludos desde Lima" : n % 3 === 1 ? "precio del bolso?" : "ya quiero verlo", created_time: Math.floor(Date.now() / 1000) } };
    });
    const raw = JSON.stringify({ object: "page", entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes }] });
    const signature = `sha256=${createHmac("sha256", E2E_SECRETS.META_APP_SECRET).update(raw).digest("hex")}`;
    deliveries.push(request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": signature }, data: raw }));
  }
  for (const res of await Promise.all(deliveries)) expect(res.status()).toBe(200);
}

export type SentMessage = { id: string; kind: string; purpose: string; status: string; comment_id: string | null; order_id: string | null; body: unknown };

/** What the bot (and the seller) sent for a live's comments, as the fake Graph API received it. */
export async function sentFor(request: APIRequestContext, seller: ApiSeller, liveId: string): Promise<SentMessage[]> {
  const res = await request.get(`/api/dev/simulator/sent?live_id=${liveId}`, { headers: auth(seller) });
  expect(res.status()).toBe(200);
  return res.json();
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** axe finds no serious or critical WCAG 2.1 A/AA violation on the current page. */
export async function expectNoSeriousAxe(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${label} ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

export async function seller(request: APIRequestContext) {
  return createApiSeller(request);
}

export { createProduct };
