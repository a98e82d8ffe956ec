import { createHmac, randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_SECRETS } from "../../playwright.config";
import { createApiSeller, createProduct } from "./checkout-helpers";

// npm start runs the web server and the job worker as two processes: /metrics must add them up.
const sign = (raw: string) => `sha256=${createHmac("sha256", E2E_SECRETS.META_APP_SECRET).update(raw).digest("hex")}`;

async function sample(request: APIRequestContext, name: string) {
  const text = await (await request.get("/metrics")).text();
  return text
    .split("\n")
    .filter((l) => !l.startsWith("#") && l.split(/[{ ]/)[0] === name)
    .reduce((sum, l) => sum + Number(l.split(" ").at(-1)), 0);
}

test("metrics count the whole app: the web server's ingested comment and the worker's comment → DM, each exactly once", async ({ request }) => {
  const seller = await createApiSeller(request, { name: "Tienda Métricas" });
  const auth = { authorization: `Bearer ${seller.token}` };
  await createProduct(request, seller, { sku: "A12", name: "Polera roja M", price: 15990, stock: 5, color: "rojo", size: "M" });
  const { pageId } = await (await request.post("/api/dev/simulator/setup", { headers: auth, data: { store_id: seller.storeId } })).json();
  const live = await (await request.post("/api/v1/lives", { headers: auth, data: { store_id: seller.storeId, fb_video_id: `v${Date.now()}`, title: "Live" } })).json();

  const ingested = await sample(request, "lss_comments_ingested_total");
  const dms = await sample(request, "lss_comment_to_dm_seconds_count");
  const commentId = `${live.fb_video_id}_${randomBytes(4).toString("hex")}`;
  const raw = JSON.stringify({
    object: "page",
    entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: "feed", value: { item: "comment", verb: "add", comment_id: commentId, post_id: `${pageId}_${live.fb_video_id}`, from: { id: "5151515151", name: "Ana" }, message: "quiero 1 A12", created_time: Math.floor(Date.now() / 1000) } }] }],
  });
  const hook = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": sign(raw), "x-request-id": "meta-delivery-1" }, data: raw });
  expect(hook.status()).toBe(200);
  expect(hook.headers()["x-request-id"]).toBe("meta-delivery-1");
  await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": sign(raw) }, data: raw }); // redelivery

  await expect(async () => expect(await sample(request, "lss_comment_to_dm_seconds_count")).toBe(dms + 1)).toPass({ timeout: 15_000 });
  expect(await sample(request, "lss_comments_ingested_total")).toBe(ingested + 1);
  const text = await (await request.get("/metrics")).text();
  for (const name of ["lss_jobs_pending", "lss_graph_errors_total", "lss_payment_webhooks_total"]) expect(text).toContain(`# TYPE ${name}`);
});

test("every response carries X-Request-Id: pages, API answers and errors; an incoming one is kept", async ({ request }) => {
  const page = await request.get("/login");
  expect(page.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const api = await request.get("/api/v1/orders", { headers: { "x-request-id": "client-chosen-42" } });
  expect(api.status()).toBe(401);
  expect(api.headers()["x-request-id"]).toBe("client-chosen-42");
  expect((await request.get("/health")).headers()["x-request-id"]).toBeTruthy();
});
