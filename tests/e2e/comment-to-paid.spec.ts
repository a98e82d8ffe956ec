import { createHmac, randomBytes } from "node:crypto";
import { devices, expect, test } from "@playwright/test";
import { E2E_SECRETS } from "../../playwright.config";
import { checkoutPathOf, createApiSeller, createProduct, payWithSandbox, signInToDashboard } from "./checkout-helpers";

type Sent = { kind: string; status: string; purpose: string; body: { message?: { attachment?: { payload?: { buttons?: { url?: string }[] } }; text?: string } } };

test("@phone a signed BUY comment → the DM's link opens checkout → sandbox payment → the seller sees it paid", async ({ page, request, browser }) => {
  const seller = await createApiSeller(request, { name: "Tienda Live" });
  const auth = { authorization: `Bearer ${seller.token}` };
  await createProduct(request, seller, { sku: "A12", name: "Polera roja M", price: 15990, stock: 5, color: "rojo", size: "M" });
  const setup = await request.post("/api/dev/simulator/setup", { headers: auth, data: { store_id: seller.storeId } });
  expect(setup.ok()).toBe(true);
  const { pageId } = await setup.json();
  const liveRes = await request.post("/api/v1/lives", { headers: auth, data: { store_id: seller.storeId, fb_video_id: `v${Date.now()}`, title: "Live del viernes" } });
  const live = await liveRes.json();

  // Meta's webhook, signed with the app secret over the exact bytes.
  const commentId = `${live.fb_video_id}_${randomBytes(4).toString("hex")}`;
  const raw = JSON.stringify({
    object: "page",
    entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: "feed", value: { item: "comment", verb: "add", comment_id: commentId, post_id: `${pageId}_${live.fb_video_id}`, from: { id: "4242424242", name: "Carla Pérez" }, message: "quiero 2 de la polera roja M 😍", created_time: Math.floor(Date.now() / 1000) } }] }],
  });
  const signature = `sha256=${createHmac("sha256", E2E_SECRETS.META_APP_SECRET).update(raw).digest("hex")}`;
  const hook = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": signature }, data: raw });
  expect(hook.status()).toBe(200);

  // The bot's private reply (as the built-in fake Graph API received it) carries the checkout link.
  let link = "";
  await expect(async () => {
    const sent: Sent[] = await (await request.get(`/api/dev/simulator/sent?live_id=${live.id}`, { headers: auth })).json();
    const dm = sent.find((m) => m.kind === "PRIVATE_REPLY" && m.status === "SENT");
    link = dm?.body.message?.attachment?.payload?.buttons?.[0]?.url ?? "";
    expect(link).toContain("/checkout/");
    expect(sent.some((m) => m.kind === "PUBLIC_REPLY" && m.status === "SENT")).toBe(true);
  }).toPass({ timeout: 10_000 });

  // On the wire, at the fake Graph API: exactly one public reply and one private reply for the comment.
  const wire: { kind: string }[] = await (await request.get(`/api/dev/simulator/graph-calls?comment_id=${commentId}`, { headers: auth })).json();
  expect(wire.map((c) => c.kind).sort()).toEqual(["comment_reply", "private_reply"]);

  await page.goto(checkoutPathOf(link));
  await expect(page.getByText("Polera roja M")).toBeVisible();
  await expect(page.getByText(/31\.980/).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/flow-checkout-phone.png", fullPage: true });
  await payWithSandbox(page);
  await page.screenshot({ path: "test-results/screenshots/flow-success-phone.png", fullPage: true });

  // The seller's order list, open in another browser, shows the order paid (speed is the bench's job, not this test's).
  const desk = await browser.newContext({ ...devices["Desktop Chrome"], baseURL: test.info().project.use.baseURL });
  const sellerPage = await desk.newPage();
  await signInToDashboard(sellerPage, seller);
  await sellerPage.goto("/dashboard/orders");
  await expect(sellerPage.getByText(/paid|pagado/i).first()).toBeVisible();
  const orders = await (await request.get(`/api/v1/orders?store_id=${seller.storeId}`, { headers: auth })).json();
  expect(orders.map((o: { status: string }) => o.status.toLowerCase())).toEqual(["paid"]);
  await sellerPage.screenshot({ path: "test-results/screenshots/flow-seller-orders.png", fullPage: true });
  await desk.close();
});
