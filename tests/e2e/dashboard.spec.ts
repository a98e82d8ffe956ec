import { expect, test, type Page } from "@playwright/test";
import { join } from "node:path";
import { createCheckoutOrder, checkoutPathOf, payWithSandbox } from "./checkout-helpers";
import { auth, expectNoSeriousAxe, readySeller, shot, signInToDashboard, startLive, type ApiSeller } from "./dashboard-helpers";

const fixtures = join(import.meta.dirname, "fixtures");
// A 1×1 PNG: the photo uploaded in the product editor.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let n = 0;
const email = () => `dash.${Date.now()}.${n++}@example.com`;

async function signUp(page: Page, address = email()) {
  await page.goto("/signup");
  await page.getByLabel(/full name/i).fill("Ana Vendedora");
  await page.getByLabel(/^email$/i).fill(address);
  await page.getByLabel(/^password$/i).fill("correct horse 42");
  await page.getByRole("button", { name: /create account/i }).click();
  return address;
}

test("onboarding end to end: profile, simulator Page, payments, a bad CSV refused with nothing saved, then a good file, resumable", async ({ page }) => {
  await signUp(page);
  await expect(page).toHaveURL(/\/dashboard\/onboarding/);
  await expect(page.getByRole("navigation", { name: /setup progress/i })).toBeVisible();
  await page.getByLabel("Store name").fill("Tienda Onboarding");
  await page.getByLabel("Country").selectOption("CL");
  await expect(page.getByLabel("Currency")).toHaveValue("CLP");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Santiago");
  await shot(page, "onboarding-profile-desktop");
  await page.getByRole("button", { name: "Create store" }).click();
  await expect(page).toHaveURL(/step=page/);

  // Resumable: leaving and coming back lands on the first step not done.
  await page.goto("/dashboard");
  await expect(page.locator("#main").getByTestId("onboarding-resume").first()).toContainText("1 of 4");
  await page.locator("#main").getByTestId("onboarding-resume").first().click();
  await expect(page.locator('[aria-current="step"]')).toContainText("Facebook Page");
  await shot(page, "onboarding-page-desktop");

  await page.getByRole("button", { name: "Use the simulator Page" }).click();
  await expect(page).toHaveURL(/step=payments/);
  await expect(page.getByRole("link", { name: /configure payment methods/i })).toHaveAttribute("href", "/dashboard/settings/payments");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/step=catalog/);

  await page.getByLabel("Choose a CSV file").setInputFiles(join(fixtures, "catalog-bad.csv"));
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("import-errors")).toContainText(/line 3: the price cannot be negative/i);
  await expect(page.getByTestId("import-preview")).toHaveCount(0);
  await expect(page.getByTestId("catalog-count")).toContainText("0 products");
  await shot(page, "onboarding-catalog-errors-desktop");

  await page.getByLabel("Choose a CSV file").setInputFiles(join(fixtures, "catalog.csv"));
  await page.getByRole("button", { name: "Check file" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("3 products ready: 3 new, 0 to update.");
  await expect(preview.getByRole("row")).toHaveCount(4);
  // Checking saved nothing.
  await expect(page.getByTestId("catalog-count")).toContainText("0 products");
  await shot(page, "onboarding-catalog-preview-desktop");
  await preview.getByRole("button", { name: "Import 3 products" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 3 new" })).toBeVisible();
  await expect(page.getByTestId("catalog-count")).toContainText("3 products");

  await page.getByRole("button", { name: "Finish setup" }).click();
  await expect(page.getByTestId("onboarding-done")).toBeVisible();
  await shot(page, "onboarding-done-desktop");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
  await expect(page.getByTestId("onboarding-resume")).toHaveCount(0);
});

test("inventory: stock edited inline, low-stock alert and filter, editor with variants and a photo", async ({ page, request }) => {
  const seller = await readySeller(request);
  await signInToDashboard(page, seller);
  await page.goto("/dashboard/inventory");
  const table = page.getByTestId("products-table");
  await expect(table.getByRole("row")).toHaveCount(4);

  await table.getByRole("button", { name: "Add one unit of A12" }).click();
  await expect(table.getByLabel("Stock of A12")).toHaveValue("11");
  await table.getByLabel("Stock of A12").fill("7");
  await table.getByLabel("Stock of A12").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Stock of A12: 7" })).toBeVisible();
  const products = await (await request.get(`/api/v1/inventory/products?store_id=${seller.storeId}`, { headers: auth(seller) })).json();
  expect(products.find((p: { sku: string }) => p.sku === "A12").stock).toBe(7);

  await expect(page.getByTestId("low-stock-alert")).toContainText("1 products are running low");
  await page.getByRole("button", { name: "Show them" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("B07");
  await page.getByLabel("Show").selectOption("all");

  await page.getByRole("button", { name: "Edit A13" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Edit product" })).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue("Polera");
  await dialog.getByRole("button", { name: "Add variant" }).click();
  await dialog.getByLabel("SKU 3").fill("A13-XL");
  await dialog.getByLabel("Colour 3").fill("azul");
  await dialog.getByLabel("Size 3").fill("XL");
  await dialog.getByLabel("Stock 3").fill("5");
  await dialog.getByLabel("Upload photo").setInputFiles({ name: "polera.png", mimeType: "image/png", buffer: PNG });
  await expect(dialog.getByRole("img", { name: "Photo of Polera" })).toBeVisible();
  await shot(page, "inventory-editor-desktop");
  await dialog.getByRole("button", { name: "Save product" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(table.getByRole("row")).toHaveCount(5);
  await expect(table).toContainText("Polera azul XL");

  const after = await (await request.get(`/api/v1/inventory/products?store_id=${seller.storeId}`, { headers: auth(seller) })).json();
  const a13 = after.find((p: { sku: string }) => p.sku === "A13");
  const xl = after.find((p: { sku: string }) => p.sku === "A13-XL");
  expect(xl).toMatchObject({ size: "XL", color: "azul", stock: 5 });
  expect(xl.group_key).toBeTruthy();
  expect(a13.group_key).toBe(xl.group_key);
  expect(xl.image_url).toMatch(/^\/api\/v1\/uploads\/products\//);
  expect((await request.get(xl.image_url)).headers()["content-type"]).toBe("image/png");
  await shot(page, "inventory-dashboard-desktop");
});

test("orders: a paid order waits under To ship, shows how it was made, and is shipped; a pending one is cancelled", async ({ page, request }) => {
  const seller = await readySeller(request);
  const paid = await createCheckoutOrder(request, seller, [{ sku: "A12", qty: 2 }]);
  await page.goto(checkoutPathOf(paid.checkout_url));
  await payWithSandbox(page);
  const pending = await createCheckoutOrder(request, seller, [{ sku: "B07", qty: 1 }]);

  await signInToDashboard(page, seller);
  await page.goto("/dashboard/orders");
  await expect(page.getByRole("button", { name: "To ship", pressed: true })).toBeVisible();
  const table = page.getByTestId("orders-table");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Polera roja M ×2");
  await shot(page, "orders-desktop");
  await table.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/orders/${paid.order_id}`));
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("order-payments")).toContainText("Test payments");
  await expect(page.getByTestId("order-timeline").getByRole("listitem").first()).toBeVisible();
  await shot(page, "order-detail-desktop");
  await page.getByRole("button", { name: "Mark as shipped" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Shipped", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as shipped" })).toHaveCount(0);

  await page.goto("/dashboard/orders?status=pending");
  await page.getByRole("link", { name: /Order #/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/orders/${pending.order_id}`));
  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
});

test("settings: the owner saves profile, message texts and reservation time, and invites STAFF who then sees settings read-only", async ({ page, request, browser }) => {
  const seller = await readySeller(request);
  await signInToDashboard(page, seller);
  await page.goto("/dashboard/settings");
  await expect(page.locator("#main").getByTestId("meta-status")).toContainText("Connected to Page");
  await page.getByLabel("Store name").fill("Tienda Renombrada");
  await page.locator("#profile").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" }).first()).toBeVisible();

  await page.locator("#msg_locale").selectOption("es");
  await page.getByLabel("Public reply when we reserve").fill("¡Listo {name}! Te escribimos por privado 📩");
  await page.getByLabel("Tone of the bot").selectOption("fun");
  await page.locator("#messages").getByRole("button", { name: "Save" }).click();
  await page.getByLabel("Reservation time (minutes)").fill("45");
  await page.locator("#reservation").getByRole("button", { name: "Save" }).click();
  await expect.poll(async () => (await (await request.get(`/api/v1/stores/${seller.storeId}`, { headers: auth(seller) })).json()).reservation_ttl_seconds).toBe(2700);
  const store = await (await request.get(`/api/v1/stores/${seller.storeId}`, { headers: auth(seller) })).json();
  expect(store).toMatchObject({ name: "Tienda Renombrada", bot_tone: "fun" });

  const staffEmail = `staff.${Date.now()}@example.com`;
  await page.getByLabel("Email", { exact: true }).fill(staffEmail);
  await page.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByTestId("invite-link").getByRole("textbox").inputValue();
  expect(new URL(link).pathname).toMatch(/^\/invite\/[\w-]{20,}$/);
  await shot(page, "settings-desktop");

  // The invitee opens the link in their own browser, creates an account, and is in the store as STAFF.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await staff.goto(new URL(link).pathname);
  await expect(staff).toHaveURL(/\/signup\?invite=/);
  await expect(staff.getByTestId("invitation")).toContainText("Tienda Renombrada");
  await staff.getByLabel(/full name/i).fill("Ana Vendedora");
  await staff.getByLabel(/^password$/i).fill("correct horse 42");
  await staff.getByRole("button", { name: /create account/i }).click();
  await expect(staff.getByTestId("current-store")).toHaveText("Tienda Renombrada");
  await staff.goto("/dashboard/settings");
  await expect(staff.getByTestId("owner-only").first()).toBeVisible();
  await expect(staff.getByRole("link", { name: "Open payment settings" })).toHaveCount(0);
  await expect(staff.getByLabel("Store name")).toBeDisabled();
  const payments = await staff.request.get(`/api/v1/stores/${seller.storeId}/payments`);
  expect(payments.status()).toBe(403);
  await shot(staff, "settings-staff-desktop");
  await staffContext.close();
});

test("Arabic renders right to left with the sidebar on the right", async ({ page, request, context }) => {
  const seller = await readySeller(request);
  await signInToDashboard(page, seller);
  await context.addCookies([{ name: "lss_locale", value: "ar", url: test.info().project.use.baseURL! }]);
  await page.goto("/dashboard");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("نظرة عامة");
  const aside = await page.locator("aside").boundingBox();
  const width = page.viewportSize()!.width;
  expect(aside!.x).toBeGreaterThan(width / 2);
  await shot(page, "dashboard-ar-desktop");
  await page.goto("/dashboard/inventory");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("المخزون");
  const firstHeader = await page.getByTestId("products-table").getByRole("columnheader").first().boundingBox();
  expect(firstHeader!.x).toBeGreaterThan(width / 2);
  await shot(page, "inventory-ar-desktop");
  const live = await startLive(request, seller, "بث تجريبي");
  await page.goto(`/dashboard/live/${live.id}`);
  await expect(page.getByTestId("kill-switch")).toContainText("البوت");
  await shot(page, "live-control-center-ar-desktop");
  await expectNoSeriousAxe(page, "lcc-ar");
});

test("axe finds no serious violations on any dashboard screen", async ({ page, request }) => {
  test.setTimeout(180_000); // eight screens, each analysed by axe: minutes on a busy machine
  const seller = await readySeller(request);
  const live = await startLive(request, seller);
  const order = await createCheckoutOrder(request, seller, [{ sku: "A12", qty: 1 }]);
  await signInToDashboard(page, seller);
  const screens: [string, string][] = [
    ["overview", "/dashboard?range=30d"],
    ["onboarding", "/dashboard/onboarding?step=page"],
    ["inventory", "/dashboard/inventory"],
    ["lives", "/dashboard/live"],
    ["live-control-center", `/dashboard/live/${live.id}`],
    ["orders", "/dashboard/orders?status=all"],
    ["order-detail", `/dashboard/orders/${order.order_id}`],
    ["settings", "/dashboard/settings"],
  ];
  for (const [name, path] of screens) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousAxe(page, name);
  }
  await page.goto("/dashboard");
  await shot(page, "overview-desktop");
  await page.goto("/dashboard/live");
  await shot(page, "lives-desktop");
});

test.describe("on a phone", () => {
  test("@phone tables become cards, the menu opens, and the Control Center stacks", async ({ page, request }) => {
    test.setTimeout(180_000);
    const seller: ApiSeller = await readySeller(request);
    const live = await startLive(request, seller);
    await createCheckoutOrder(request, seller, [{ sku: "A12", qty: 1 }]);
    await signInToDashboard(page, seller);
    await page.goto("/dashboard");
    await shot(page, "overview-phone");
    await page.goto("/dashboard/inventory");
    await expect(page.getByTestId("products-cards")).toBeVisible();
    await expect(page.getByTestId("products-table")).toBeHidden();
    const cards = page.getByTestId("products-cards");
    await cards.getByRole("button", { name: "Add one unit of B07" }).click();
    await expect(cards.getByLabel("Stock of B07")).toHaveValue("3");
    await shot(page, "inventory-dashboard-phone");
    await page.goto("/dashboard/orders?status=all");
    await expect(page.getByTestId("orders-cards")).toBeVisible();
    await shot(page, "orders-phone");
    await page.goto(`/dashboard/live/${live.id}`);
    await expect(page.getByTestId("kill-switch")).toBeVisible();
    await expect(page.getByTestId("comment-feed")).toBeVisible();
    await shot(page, "live-control-center-phone");
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
    await shot(page, "settings-phone");
    await expectNoSeriousAxe(page, "settings-phone");
  });
});
