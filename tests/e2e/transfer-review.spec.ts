import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { checkoutPathOf, configurePayments, expectAxeClean } from "./checkout-helpers";
import { auth, comment, readySeller, shot, signInToDashboard, startLive, type ApiSeller } from "./dashboard-helpers";

// Issue 11 item 2: a buyer pays by bank transfer on her phone and uploads the receipt; the seller sees
// it on the order page (and in the Live Control Center) and confirms or rejects it. Item 12: Settings →
// Payments. Screenshots: test-results/screenshots/transfer-*.png and settings-payments-*.png.

test.describe.configure({ mode: "serial" });

type Order = { id: string; number: number; status: string; checkout_url: string; buyer: { name: string } | null };

let seller: ApiSeller;
let liveId: string;
let carla: Order; // confirmed from the order page
let lucia: Order; // rejected from the Live Control Center

const LANGS = ["es", "pt", "ar"] as const;
const REVIEW_TITLE = { es: "Recibimos tu comprobante", pt: "Recebemos seu comprovante", ar: "استلمنا إيصالك" } as const;
const REJECTED_TITLE = { es: "La tienda no pudo confirmar tu transferencia", pt: "A loja não conseguiu confirmar sua transferência", ar: "لم يتمكن المتجر من تأكيد تحويلك" } as const;
const RECEIPT_CARD = { es: "Comprobante de transferencia", pt: "Comprovante de transferência", ar: "إيصال التحويل البنكي" } as const;

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  seller = await readySeller(request);
  await configurePayments(request, seller, "transfer", {
    enabled: true,
    credentials: { bankName: "Banco Estado", accountHolder: "Tienda Ana SpA", accountNumber: "12345678", accountType: "vista", taxId: "76.123.456-7" },
  });
  liveId = (await startLive(request, seller, "Live de transferencias")).id;
  await comment(request, seller, liveId, "Carla Pérez", "quiero 2 de la A12");
  await comment(request, seller, liveId, "Lucía Gómez", "quiero 1 B07");
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/orders?store_id=${seller.storeId}`, { headers: auth(seller) })).json()) as Order[]).length, { timeout: 20_000 })
    .toBe(2);
  const orders = (await (await request.get(`/api/v1/orders?store_id=${seller.storeId}`, { headers: auth(seller) })).json()) as Order[];
  carla = orders.find((o) => o.buyer?.name === "Carla Pérez")!;
  lucia = orders.find((o) => o.buyer?.name === "Lucía Gómez")!;
  expect(carla && lucia).toBeTruthy();
});

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: test.info().project.use.baseURL });
  return { context, page: await context.newPage() };
}

/** A bank's transfer voucher as a PNG, drawn in the page (what a buyer screenshots from her bank app). */
async function receiptPng(page: Page, amount: string): Promise<Buffer> {
  const base64 = await page.evaluate((total) => {
    const c = document.createElement("canvas");
    c.width = 540;
    c.height = 720;
    const g = c.getContext("2d")!;
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, 540, 720);
    g.fillStyle = "#e4572e";
    g.fillRect(0, 0, 540, 96);
    g.fillStyle = "#ffffff";
    g.font = "bold 34px sans-serif";
    g.fillText("BancoEstado", 28, 62);
    g.fillStyle = "#14532d";
    g.font = "bold 28px sans-serif";
    g.fillText("✔ Transferencia exitosa", 28, 160);
    g.fillStyle = "#111827";
    g.font = "24px sans-serif";
    const rows = [["Monto", total], ["Destinatario", "Tienda Ana SpA"], ["Cuenta", "Cuenta Vista 12345678"], ["Comentario", "Pedido"], ["Fecha", new Date().toLocaleString("es-CL")], ["N° operación", "004512398"]];
    rows.forEach(([k, v], i) => {
      g.fillStyle = "#6b7280";
      g.fillText(k!, 28, 230 + i * 72);
      g.fillStyle = "#111827";
      g.fillText(v!, 28, 262 + i * 72);
    });
    return c.toDataURL("image/png").split(",")[1]!;
  }, amount);
  return Buffer.from(base64, "base64");
}

async function uploadOnPhone(page: Page, order: Order) {
  await page.goto(checkoutPathOf(order.checkout_url, "es"));
  await page.locator("#bank-transfer").scrollIntoViewIfNeeded();
  await expect(page.locator("#bank-transfer")).toContainText("Cuenta Vista / Cuenta RUT");
  const amount = (await page.getByTestId("order-total").innerText()).trim();
  await page.locator("#receipt-file").setInputFiles({ name: "comprobante.png", mimeType: "image/png", buffer: await receiptPng(page, amount) });
  await page.getByRole("button", { name: "Enviar comprobante" }).click();
  await expect(page.getByTestId("checkout-transfer-review")).toContainText(REVIEW_TITLE.es);
}

/** No WCAG 2.1 A/AA violation inside `selector` (the part of a shared screen this feature adds). */
async function expectAxeCleanIn(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

async function useLanguage(page: Page, lang: string) {
  await page.context().addCookies([{ name: "lss_locale", value: lang, url: new URL(page.url()).origin }]);
}

test("a buyer uploads her transfer receipt on her phone and is told her items stay reserved; the owner sees it on the order page and confirms it once", async ({ page, browser, request }) => {
  test.setTimeout(420_000);
  // The buyer, on her phone.
  const buyer = await phone(browser);
  await uploadOnPhone(buyer.page, carla);
  for (const lang of LANGS) {
    await buyer.page.goto(checkoutPathOf(carla.checkout_url, lang));
    await expect(buyer.page.getByTestId("checkout-transfer-review")).toContainText(REVIEW_TITLE[lang]);
    await expect(buyer.page.getByTestId("countdown")).toHaveCount(0);
    await expect(buyer.page.getByTestId("pay-sandbox")).toHaveCount(0);
    await fitsTheScreen(buyer.page);
    await expectAxeClean(buyer.page);
    await shot(buyer.page, `transfer-checkout-review-${lang}-phone`);
  }
  const held = await (await request.get(`/api/v1/orders/${carla.id}`, { headers: auth(seller) })).json();
  expect(held).toMatchObject({ status: "pending", gateway: "transfer", transfer_review: { state: "pending", receipt_kind: "image" } });
  expect(Date.parse(held.reservation.expires_at)).toBeGreaterThan(Date.now() + 47 * 3600_000);

  // The owner, at her desk and on her phone, in Spanish, Portuguese and Arabic.
  await signInToDashboard(page, seller);
  for (const lang of LANGS) {
    await useLanguage(page, lang);
    for (const viewport of [{ width: 1440, height: 900, name: "desktop" }, { width: 390, height: 844, name: "phone" }]) {
      await page.setViewportSize(viewport);
      await page.goto(`/dashboard/orders/${carla.id}`);
      const card = page.getByTestId("order-transfer-receipt");
      await expect(card).toContainText(RECEIPT_CARD[lang]);
      const img = card.locator("img");
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(100);
      await expect(card.getByTestId("confirm-transfer")).toBeVisible();
      await expect(card.getByTestId("reject-transfer")).toBeVisible();
      if (viewport.name === "phone") await fitsTheScreen(page);
      await expectAxeClean(page);
      await shot(page, `transfer-order-receipt-${lang}-${viewport.name}`);
    }
  }

  // Confirm (in Spanish): paid once.
  await useLanguage(page, "es");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/dashboard/orders/${carla.id}`);
  await page.getByTestId("confirm-transfer").click();
  await expect(page.getByRole("dialog")).toContainText("¿Confirmar la transferencia?");
  await expectAxeClean(page);
  await shot(page, "transfer-order-confirm-dialog-es-desktop");
  await page.getByTestId("confirm-transfer-submit").click();
  await expect(page.getByTestId("order-status")).toHaveText("Pagado");
  await expect(page.getByTestId("transfer-review")).toHaveAttribute("data-state", "confirmed");
  const paid = await (await request.get(`/api/v1/orders/${carla.id}`, { headers: auth(seller) })).json();
  expect(paid).toMatchObject({ status: "paid", payment_status: "succeeded" });
  const again = await request.post(`/api/v1/orders/${carla.id}/confirm-transfer`, { headers: auth(seller), data: {} });
  expect((await again.json()).outcome).toBe("duplicate");

  // The buyer's page now says it is paid.
  await buyer.page.goto(checkoutPathOf(carla.checkout_url, "es"));
  await expect(buyer.page.getByTestId("checkout-success")).toBeVisible();
  await buyer.context.close();
});

test("the owner rejects a receipt from the Live Control Center with a reason; the buyer reads why on her phone and can upload again", async ({ page, browser }) => {
  test.setTimeout(420_000);
  const buyer = await phone(browser);
  await uploadOnPhone(buyer.page, lucia);

  await signInToDashboard(page, seller);
  for (const lang of ["es", "ar"] as const) {
    await useLanguage(page, lang);
    await page.goto(`/dashboard/live/${liveId}`);
    const cart = page.getByTestId("cart").filter({ hasText: "Lucía Gómez", visible: true });
    await expect(cart.getByTestId("transfer-review")).toHaveAttribute("data-state", "pending");
    await expect(cart.getByTestId("reject-transfer")).toBeVisible();
    // The carts tab is what this feature adds to the Live Control Center (the comment feed is another item's).
    await expectAxeCleanIn(page, '[data-testid="carts"]');
    await shot(page, `transfer-live-carts-${lang}-desktop`);
  }
  await useLanguage(page, "es");
  await page.goto(`/dashboard/live/${liveId}`);
  const cart = page.getByTestId("cart").filter({ hasText: "Lucía Gómez", visible: true });
  await cart.getByTestId("reject-transfer").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByTestId("reject-transfer-submit").click();
  await expect(dialog).toContainText("Escribe el motivo que verá la compradora."); // a reason is required
  await dialog.getByLabel("Motivo que verá la compradora").fill("El monto transferido no coincide con el total");
  await expectAxeCleanIn(page, '[role="dialog"]');
  await shot(page, "transfer-live-reject-dialog-es-desktop");
  await dialog.getByTestId("reject-transfer-submit").click();
  await expect(cart.getByTestId("transfer-review")).toHaveAttribute("data-state", "rejected");

  for (const lang of LANGS) {
    await buyer.page.goto(checkoutPathOf(lucia.checkout_url, lang));
    const panel = buyer.page.getByTestId("checkout-transfer-rejected");
    await expect(panel).toContainText(REJECTED_TITLE[lang]);
    await expect(panel).toContainText("El monto transferido no coincide con el total");
    await expect(buyer.page.getByTestId("countdown")).toBeVisible();
    await expect(buyer.page.locator("#receipt-file")).toBeVisible();
    await fitsTheScreen(buyer.page);
    await expectAxeClean(buyer.page);
    await shot(buyer.page, `transfer-checkout-rejected-${lang}-phone`);
  }
  await buyer.context.close();
});

test("Settings → Payments: a provider is offered only once configured, the webhook URL is copied rather than shown, the account type is a choice, errors are in the seller's language", async ({ page, context }) => {
  test.setTimeout(300_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInToDashboard(page, seller);
  for (const lang of LANGS) {
    await useLanguage(page, lang);
    for (const viewport of [{ width: 1440, height: 900, name: "desktop" }, { width: 390, height: 844, name: "phone" }]) {
      await page.setViewportSize(viewport);
      await page.goto("/dashboard/settings/payments");
      await expect(page.getByTestId("payment-provider-paypal").getByRole("checkbox")).toBeDisabled();
      await expect(page.locator("body")).not.toContainText(`store=${seller.storeId}`);
      await expect(page.locator("body")).not.toContainText("(sandbox)");
      if (viewport.name === "phone") await fitsTheScreen(page);
      await expectAxeClean(page);
      await shot(page, `settings-payments-${lang}-${viewport.name}`);
    }
  }

  await useLanguage(page, "es");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/dashboard/settings/payments");
  const paypal = page.getByTestId("payment-provider-paypal");
  await paypal.getByTestId("copy-webhook-paypal").click();
  await expect(paypal).toContainText("URL del webhook copiada");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`/api/webhooks/payments/paypal?store=${seller.storeId}`);
  await expect(page.getByTestId("copy-webhook-flow")).toHaveCount(0);

  // The account type is a select with translated choices; a server-side refusal is shown per field, translated.
  const transfer = page.getByTestId("payment-provider-transfer");
  await expect(transfer.getByLabel("Tipo de cuenta")).toHaveValue("vista");
  await transfer.getByLabel("Correo para comprobantes").fill("ana@");
  await transfer.getByRole("button", { name: "Guardar" }).first().click();
  await expect(transfer.getByRole("alert")).toContainText("Correo para comprobantes debe ser un correo electrónico.");
  await expect(transfer).not.toContainText("credentials.");
  await expectAxeClean(page);
  await shot(page, "settings-payments-error-es-desktop");
});
