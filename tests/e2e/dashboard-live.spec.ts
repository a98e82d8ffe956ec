import { expect, test, type Page } from "@playwright/test";
import { auth, comment, commentBurst, readySeller, sentFor, shot, signInToDashboard, type ApiSeller } from "./dashboard-helpers";

// The Live Control Center against the real pipeline: comments go through the signed Meta webhook
// (the simulator signs them), the bot answers through the built-in fake Graph API, and the page
// hears about everything over server-sent events fed by PostgreSQL LISTEN/NOTIFY.

async function openNewLive(page: Page, seller: ApiSeller, title: string) {
  await signInToDashboard(page, seller);
  await page.goto("/dashboard/live");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Start live" }).click();
  await expect(page).toHaveURL(/\/dashboard\/live\/[a-z0-9]+$/);
  await expect(page.locator("#main").getByTestId("connection")).toHaveAttribute("data-state", "open");
  return page.url().split("/").pop()!;
}

const row = (page: Page, text: string) => page.getByTestId("feed-row").filter({ hasText: text });

test("a signed comment appears in the open Live Control Center within 2 s, then its AI tag, cart and DM", async ({ page, request }) => {
  const seller = await readySeller(request);
  const liveId = await openNewLive(page, seller, "Live de viernes");
  await shot(page, "live-control-center-empty-desktop");

  const t0 = Date.now();
  await comment(request, seller, liveId, "Carla Pérez", "quiero 2 de la A12 porfa");
  await expect(row(page, "quiero 2 de la A12 porfa")).toBeVisible({ timeout: 2_000 });
  test.info().annotations.push({ type: "comment→screen", description: `${Date.now() - t0} ms` });

  const r = row(page, "quiero 2 de la A12 porfa");
  await expect(r.getByTestId("intent-tag")).toContainText("Buy");
  await expect(r).toHaveAttribute("data-intent", "BUY");
  await expect(r.getByTestId("intent-tag")).toContainText(/\d+% sure/);
  await expect(r.getByTestId("order-status")).toContainText("Pending");
  await expect(r.getByTestId("dm-status")).toContainText("Sent");

  const cart = page.getByTestId("cart").first();
  await expect(cart).toContainText("Carla Pérez");
  await expect(cart).toContainText("A12 ×2");
  await expect(cart.getByTestId("cart-link")).toContainText("Link sent");
  await expect(page.getByTestId("count-received")).toContainText("1");
  await expect(page.getByTestId("count-pending")).toContainText("0");
  await expect(page.getByTestId("latency")).not.toContainText("No DMs");
  await shot(page, "live-control-center-desktop");
});

test("the kill switch shows stopped at once and nothing is reserved or sent while it is off", async ({ page, request }) => {
  const seller = await readySeller(request);
  const liveId = await openNewLive(page, seller, "Live con freno");
  const killSwitch = page.getByTestId("kill-switch");
  await expect(killSwitch).toHaveAttribute("data-bot", "on");
  await page.getByRole("switch", { name: "Bot" }).click();
  // Optimistic: the stopped state shows before the server has even answered.
  await expect(killSwitch).toHaveAttribute("data-bot", "off", { timeout: 300 });
  await expect(killSwitch).toContainText("Bot stopped");
  await expect.poll(async () => (await (await request.get(`/api/v1/lives/${liveId}`, { headers: auth(seller) })).json()).bot_enabled).toBe(false);

  const { comment_id } = await comment(request, seller, liveId, "Pedro", "quiero 1 A13");
  const r = row(page, "quiero 1 A13");
  await expect(r).toBeVisible({ timeout: 2_000 });
  await expect(r).toHaveAttribute("data-status", "PAUSED");
  await expect(r).toContainText("Received while paused");
  await page.waitForTimeout(1_500);
  // Checked on what reached the fake Graph API: no public reply and no DM for that comment.
  const sent = await sentFor(request, seller, liveId);
  expect(sent.filter((m) => m.status === "SENT")).toEqual([]);
  const wire = await (await request.get(`/api/dev/simulator/graph-calls?comment_id=${encodeURIComponent(comment_id)}`, { headers: auth(seller) })).json();
  expect(wire).toEqual([]);
  const products = await (await request.get(`/api/v1/inventory/products?store_id=${seller.storeId}`, { headers: auth(seller) })).json();
  expect(products.find((p: { sku: string }) => p.sku === "A13").reserved).toBe(0);
  expect(comment_id).toBeTruthy();
  await shot(page, "live-control-center-stopped-desktop");

  // Back on: the app asks what to do with the comment received meanwhile.
  await expect(page.getByTestId("paused-waiting")).toBeVisible();
  await page.getByRole("switch", { name: "Bot" }).click();
  await page.getByTestId("resume-only").click();
  await expect(killSwitch).toHaveAttribute("data-bot", "on");
});

test("manual takeover: pause one buyer, write to them as the seller, correct the AI into a cart", async ({ page, request }) => {
  const seller = await readySeller(request);
  const liveId = await openNewLive(page, seller, "Live con ayuda");
  await comment(request, seller, liveId, "Lucía", "hola!! la polera azul viene en otros colores?");
  await row(page, "viene en otros colores").click();
  const panel = page.getByTestId("takeover");
  await expect(panel.getByRole("heading", { name: "Lucía" })).toBeVisible();
  await panel.getByRole("switch", { name: /Pause the bot for Lucía/ }).click();
  await expect(panel.getByRole("switch", { name: /Pause the bot for Lucía/ })).toBeChecked();

  await comment(request, seller, liveId, "Lucía", "dame la azul entonces");
  const paused = row(page, "dame la azul entonces");
  await expect(paused).toBeVisible({ timeout: 2_000 });
  await expect(paused).toHaveAttribute("data-status", "NEEDS_REVIEW");
  await expect(paused).toContainText("Bot paused for this buyer");

  await paused.click();
  await panel.getByLabel("Message to Lucía").fill("¡Hola Lucía! Te la separo ahora mismo 💙");
  await panel.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Message sent" })).toBeVisible();
  await expect.poll(async () => (await sentFor(request, seller, liveId)).filter((m) => m.purpose === "manual" && m.status === "SENT").length).toBe(1);
  await expect(panel.getByTestId("conversation")).toContainText("Te la separo ahora mismo");

  const fix = panel.getByTestId("correction");
  await fix.getByLabel("Intent").selectOption("BUY");
  await fix.getByLabel("Product").selectOption("A13");
  await fix.getByLabel("Quantity").fill("1");
  await fix.getByLabel(/send the cart and checkout link/i).uncheck();
  await fix.getByRole("button", { name: "Apply correction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reading corrected" })).toBeVisible();
  await expect(paused).toHaveAttribute("data-intent", "BUY");
  await expect(paused.getByTestId("intent-tag")).toContainText("100% sure");
  await expect(panel.getByTestId("cart-editor")).toContainText("A13");
  const products = await (await request.get(`/api/v1/inventory/products?store_id=${seller.storeId}`, { headers: auth(seller) })).json();
  expect(products.find((p: { sku: string }) => p.sku === "A13").reserved).toBe(1);
  await shot(page, "live-control-center-takeover-desktop");
});

test("quick stock adjust from the live, and a burst of 150 comments stays smooth (virtualised, batched)", async ({ page, request }) => {
  const seller = await readySeller(request);
  const liveId = await openNewLive(page, seller, "Live masivo");
  await page.getByRole("tab", { name: "Stock" }).click();
  await page.getByLabel("Search by SKU or name").fill("B07");
  const stock = page.getByTestId("stock-list");
  await stock.getByRole("button", { name: "Add one unit of B07" }).click();
  await expect(stock.getByLabel("Stock of B07")).toHaveValue("3");

  const store = await (await request.get(`/api/v1/stores/${seller.storeId}`, { headers: auth(seller) })).json();
  const live = await (await request.get(`/api/v1/lives/${liveId}`, { headers: auth(seller) })).json();
  await commentBurst(request, { pageId: store.fb_page_id, videoId: live.fb_video_id, count: 150 });
  await expect(page.getByTestId("count-received")).toContainText("150", { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: /Comments/ })).toContainText("(150)", { timeout: 15_000 });
  // Only the rows on screen exist in the DOM.
  expect(await page.getByTestId("feed-row").count()).toBeLessThan(60);
  await page.getByRole("button", { name: "Questions", exact: true }).click();
  await expect(page.getByTestId("feed-row").first()).toBeVisible();
  await shot(page, "live-control-center-burst-desktop");
});

test("@phone the Control Center on a phone: feed, kill switch and carts stacked", async ({ page, request }) => {
  const seller = await readySeller(request);
  const liveId = await openNewLive(page, seller, "Live desde el móvil");
  await comment(request, seller, liveId, "Ana", "quiero la B07");
  await expect(row(page, "quiero la B07")).toBeVisible({ timeout: 2_000 });
  await expect(page.getByTestId("kill-switch")).toBeVisible();
  await shot(page, "live-control-center-feed-phone");
});
