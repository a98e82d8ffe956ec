import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { checkoutPathOf, createCheckoutOrder, payWithSandbox } from "./checkout-helpers";
import { auth, comment, expectNoSeriousAxe, readySeller, shot, signInToDashboard, startLive, type ApiSeller } from "./dashboard-helpers";

// Issue 11 items 5–7 as a seller sees them: the Orders list (search, tabs with counts, product names,
// readable dates, CSV export), the order page's timeline and the Simulator, in Spanish, Portuguese and
// Arabic, on a desktop and a phone; and a sign-up error rendered in the seller's language.

type Locale = "es" | "pt" | "ar";
const LOCALES: Locale[] = ["es", "pt", "ar"];
const HEADINGS: Record<Locale, { orders: string; simulator: string }> = {
  es: { orders: "Pedidos", simulator: "Simulador" },
  pt: { orders: "Pedidos", simulator: "Simulador" },
  ar: { orders: "الطلبات", simulator: "المحاكي" },
};
const ALL_TAB: Record<Locale, string> = { es: "Todos", pt: "Todos", ar: "الكل" };

async function chooseLocale(context: BrowserContext, locale: Locale) {
  await context.addCookies([{ name: "lss_locale", value: locale, url: test.info().project.use.baseURL! }]);
}

async function ordersOf(request: APIRequestContext, seller: ApiSeller): Promise<{ id: string; buyer: { name: string } | null; status: string }[]> {
  const res = await request.get(`/api/v1/orders?store_id=${seller.storeId}&limit=50`, { headers: auth(seller) });
  expect(res.status()).toBe(200);
  return res.json();
}

/** A store with three orders: Carla's from a live comment (paid), Joana's from a comment (pending), one from the API (pending). */
async function storeWithOrders(page: Page, request: APIRequestContext) {
  const seller = await readySeller(request);
  const live = await startLive(request, seller, "Live de sábado");
  await comment(request, seller, live.id, "Carla Pérez", "quiero 2 de la A12");
  await expect.poll(async () => (await ordersOf(request, seller)).length, { timeout: 20_000 }).toBe(1);
  const carla = (await ordersOf(request, seller))[0]!;
  const detail = await (await request.get(`/api/v1/orders/${carla.id}`, { headers: auth(seller) })).json();
  await page.goto(checkoutPathOf(detail.checkout_url));
  await payWithSandbox(page);
  await comment(request, seller, live.id, "Joana Silva", "quiero 1 de la B07");
  await expect.poll(async () => (await ordersOf(request, seller)).length, { timeout: 20_000 }).toBe(2);
  await createCheckoutOrder(request, seller, [{ sku: "A13", qty: 1 }]);
  return { seller, live, carlaId: carla.id };
}

/** What a seller must never read on the order page: ids, ISO timestamps, raw event names, engine names. */
async function expectReadableTimeline(page: Page, ids: string[]) {
  const text = await page.locator("main").innerText();
  for (const id of ids) expect(text).not.toContain(id);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  expect(text).not.toMatch(/payments:sandbox|payment_success|comment\.received|ai\.decision|reservation\.created|audit\.|Motor|\brules\b|\bBUY\b|NEEDS_REVIEW|PROCESSED/);
}

test("orders list, order page and simulator in es, pt and ar on a desktop", async ({ page, request, context }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const { seller, live, carlaId } = await storeWithOrders(page, request);
  await signInToDashboard(page, seller);

  for (const locale of LOCALES) {
    await chooseLocale(context, locale);
    await page.goto("/dashboard/orders?status=all");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS[locale].orders);
    await expect(page.getByRole("button", { name: ALL_TAB[locale], pressed: true })).toBeVisible();
    await expect(page.getByTestId("orders-count-all")).toHaveText(/^(3|٣)$/);
    await expect(page.getByTestId("orders-count-toShip")).toHaveText(/^(1|١)$/);
    const table = page.getByTestId("orders-table");
    await expect(table.getByRole("row")).toHaveCount(4);
    // Product names, not SKUs; dates with the year and a month name, never ISO.
    await expect(table).toContainText("Polera roja M ×2");
    await expect(table).not.toContainText("A12 ×2");
    await expect(table.locator("time").first()).toHaveText(/(2026|٢٠٢٦|20\d\d)/);
    await expect(table.locator("time").first()).not.toHaveText(/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}/);
    await shot(page, `orders-list-${locale}-desktop`);
    await expectNoSeriousAxe(page, `orders-${locale}`);

    // Search on the server: the tabs count what matches.
    await page.getByTestId("orders-search").fill("carla");
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(page.getByTestId("orders-count-all")).toHaveText(/^(1|١)$/);
    await expect(page).toHaveURL(/q=carla/);
    if (locale === "es") {
      // Export of the filtered list, in Spanish.
      const download = page.waitForEvent("download");
      await page.getByTestId("orders-export").click();
      const file = await readFile((await (await download).path())!, "utf8");
      const rows = file.replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(rows[0]).toBe('"Pedido","Fecha","Estado","Envío","Comprador","Productos","Unidades","Total","Moneda","Medio de pago"');
      expect(rows).toHaveLength(2);
      expect(rows[1]).toContain('"Carla Pérez","Polera roja M ×2"');
      await page.getByTestId("orders-search").fill("zzz-nada");
      await expect(page.getByTestId("orders-empty")).toContainText("zzz-nada");
      await shot(page, "orders-search-empty-es-desktop");
    }

    await page.goto(`/dashboard/orders/${carlaId}`);
    const timeline = page.getByTestId("order-timeline");
    await expect(timeline.getByRole("listitem").first()).toBeVisible();
    await expect(timeline).toContainText("Carla Pérez");
    await expect(timeline).toContainText("Polera roja M");
    await expectReadableTimeline(page, [carlaId, seller.storeId, live.id]);
    await shot(page, `order-detail-${locale}-desktop`);
    await expectNoSeriousAxe(page, `order-detail-${locale}`);

    if (locale !== "pt") {
      await page.goto("/dashboard/simulator");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS[locale].simulator);
      await expect(page.getByTestId("sim-comments").getByRole("listitem")).toHaveCount(2);
      await expect(page.getByTestId("sim-comments")).not.toContainText(/PROCESSED|NEEDS_REVIEW|\bBUY\b/);
      await expect(page.getByTestId("sim-sent")).not.toContainText(/PUBLIC_REPLY|PRIVATE_REPLY|private reply|\bSENT\b/);
      await shot(page, `simulator-${locale}-desktop`);
      await expectNoSeriousAxe(page, `simulator-${locale}`);
    }
  }
});

test("a sign-up refused by the server says what to do in the seller's language", async ({ page, context }) => {
  await chooseLocale(context, "es");
  await page.goto("/signup");
  await page.locator("#full_name").fill("Ana Vendedora");
  await page.locator("#email").fill(`corta.${Date.now()}@example.com`);
  await page.locator("#password").fill("corta");
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("#password-hint")).toHaveText("La contraseña debe tener al menos 8 caracteres.");
  await expect(page.getByRole("alert").filter({ hasText: "Contraseña:" })).toContainText("Contraseña: La contraseña debe tener al menos 8 caracteres.");
  await expect(page.locator("main, body").first()).not.toContainText(/password:|must be at least/);
  await shot(page, "signup-error-es-desktop");
});

test("@phone orders list, order page and simulator in es, pt and ar on a phone", async ({ page, request, context }) => {
  test.setTimeout(240_000);
  const { seller, carlaId } = await storeWithOrders(page, request);
  await signInToDashboard(page, seller);
  for (const locale of LOCALES) {
    await chooseLocale(context, locale);
    await page.goto("/dashboard/orders?status=all");
    const cards = page.getByTestId("orders-cards");
    await expect(cards.getByRole("listitem")).toHaveCount(3);
    await expect(cards).toContainText("Polera roja M ×2");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
    await shot(page, `orders-list-${locale}-phone`);
    await expectNoSeriousAxe(page, `orders-${locale}-phone`);

    await page.goto(`/dashboard/orders/${carlaId}`);
    await expect(page.getByTestId("order-timeline").getByRole("listitem").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
    await shot(page, `order-detail-${locale}-phone`);
    await expectNoSeriousAxe(page, `order-detail-${locale}-phone`);

    if (locale !== "pt") {
      await page.goto("/dashboard/simulator");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS[locale].simulator);
      await shot(page, `simulator-${locale}-phone`);
      await expectNoSeriousAxe(page, `simulator-${locale}-phone`);
    }
  }
});
