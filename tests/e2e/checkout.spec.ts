import { expect, test } from "@playwright/test";
import {
  checkoutPathOf,
  configurePayments,
  createApiSeller,
  createCheckoutOrder,
  createProduct,
  expectAxeClean,
  patchStore,
  payWithSandbox,
  signInToDashboard,
  type ApiSeller,
  type CreatedOrder,
} from "./checkout-helpers";

// The buyer's checkout on a phone (project "phone", Pixel 7), in Spanish, Portuguese and English,
// paid with the built-in sandbox provider. Screenshots: test-results/screenshots/checkout-*.png.

// The product photo, uploaded like a seller does (image_url accepts only http(s) addresses and our uploads).
const SHIRT_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const TEXT = {
  es: { title: "Tu pedido", pay: "¿Cómo quieres pagar?", success: "¡Pago recibido!", total: "$31.980" },
  pt: { title: "Seu pedido", pay: "Como você quer pagar?", success: "Pagamento recebido!", total: "31.980" },
  en: { title: "Your order", pay: "How do you want to pay?", success: "Payment received!", total: "31,980" },
} as const;

test.describe.configure({ mode: "serial" });

let seller: ApiSeller;
let expiring: CreatedOrder;

test.beforeAll(async ({ request }) => {
  seller = await createApiSeller(request, { name: "Tienda Ana" });
  const photo = await request.post("/api/v1/uploads", { headers: { authorization: `Bearer ${seller.token}` }, multipart: { store_id: seller.storeId, file: { name: "polera.png", mimeType: "image/png", buffer: SHIRT_PNG } } });
  expect(photo.status()).toBe(201);
  const { url: shirt } = (await photo.json()) as { url: string };
  await createProduct(request, seller, { sku: "A12", name: "Polera roja", price: 15990, stock: 20, color: "Rojo", size: "M", image_url: shirt });
  await createProduct(request, seller, { sku: "B07", name: "Bolso negro", price: 39990, stock: 1 });
  await configurePayments(request, seller, "transfer", {
    enabled: true,
    credentials: { bankName: "Banco Estado", accountHolder: "Ana Pérez", accountNumber: "12345678", accountType: "Cuenta RUT", taxId: "12.345.678-9" },
  });
  // Started first with the shortest TTL the API allows, so it has expired by the last test.
  await patchStore(request, seller, { reservation_ttl_seconds: 60 });
  expiring = await createCheckoutOrder(request, seller, [{ sku: "B07", qty: 1 }]);
  await patchStore(request, seller, { reservation_ttl_seconds: null });
});

for (const lang of ["es", "pt", "en"] as const) {
  test(`@phone checkout in ${lang}: cart, countdown, VAT, methods, transfer details; pay with the sandbox; success`, async ({ page, request }) => {
    const order = await createCheckoutOrder(request, seller, [{ sku: "A12", qty: 2 }]);
    await page.goto(checkoutPathOf(order.checkout_url, lang));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[lang].title);
    await expect(page.getByTestId("order-total")).toContainText(TEXT[lang].total);
    await expect(page.getByTestId("countdown")).toHaveText(/^(29|30):\d\d$/);
    await expect(page.getByText(/IVA|VAT|impostos/)).toBeVisible();
    await expect(page.getByRole("heading", { name: TEXT[lang].pay })).toBeVisible();
    await expect(page.locator("#bank-transfer")).toContainText("12345678");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
    await expectAxeClean(page);
    await page.screenshot({ path: `test-results/screenshots/checkout-${lang}.png`, fullPage: true });

    await payWithSandbox(page, {
      onSandboxPage: async (p) => {
        await expectAxeClean(p);
        await p.screenshot({ path: `test-results/screenshots/checkout-sandbox-${lang}.png`, fullPage: true });
      },
    });
    await expect(page.getByTestId("checkout-success")).toContainText(TEXT[lang].success);
    await expectAxeClean(page);
    await page.screenshot({ path: `test-results/screenshots/checkout-success-${lang}.png`, fullPage: true });

    const detail = await request.get(`/api/v1/orders/${order.order_id}`, { headers: { authorization: `Bearer ${seller.token}` } });
    expect(await detail.json()).toMatchObject({ status: "paid", payment_status: "succeeded", gateway: "sandbox" });
  });
}

test("@phone a failed sandbox payment shows the next steps and the order can still be paid", async ({ page, request }) => {
  const order = await createCheckoutOrder(request, seller, [{ sku: "A12", qty: 1 }]);
  await page.goto(checkoutPathOf(order.checkout_url, "es"));
  await payWithSandbox(page, { outcome: "failure" });
  await expect(page.getByTestId("checkout-failure")).toContainText("El pago no se completó");
  await expectAxeClean(page);
  await page.screenshot({ path: "test-results/screenshots/checkout-failure-es.png", fullPage: true });
  await payWithSandbox(page);
});

test("@phone the language follows the browser when the buyer chose none", async ({ browser }) => {
  const context = await browser.newContext({ locale: "pt-BR", extraHTTPHeaders: { "accept-language": "pt-BR,pt;q=0.9" } });
  const page = await context.newPage();
  const order = await createCheckoutOrder(context.request, seller, [{ sku: "A12", qty: 1 }]);
  await page.goto(checkoutPathOf(order.checkout_url));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seu pedido");
  await context.close();
});

test("@phone the owner saves Mercado Pago keys in Settings → Payments and only sees them masked", async ({ page }) => {
  await signInToDashboard(page, seller);
  await page.goto("/dashboard/settings/payments");
  const mp = page.getByTestId("payment-provider-mercadopago");
  await mp.getByLabel("Access token").fill("APP_USR-1234567890-abcdef-secret-9999");
  await mp.getByLabel(/webhook/i).fill("mp-webhook-secret-4321");
  await mp.getByRole("button", { name: /^(guardar|save)$/i }).click();
  await expect(mp.getByRole("status")).toBeVisible();
  await page.reload();
  const input = page.getByTestId("payment-provider-mercadopago").getByLabel("Access token");
  await expect(input).toHaveValue("");
  await expect(input).toHaveAttribute("placeholder", "••••9999");
  expect(await page.content()).not.toContain("APP_USR-1234567890");
  await page.screenshot({ path: "test-results/screenshots/settings-payments-phone.png", fullPage: true });
});

test("@phone a wrong or missing token is a 404 that shows nothing of the order", async ({ page, request }) => {
  const order = await createCheckoutOrder(request, seller, [{ sku: "A12", qty: 1 }]);
  const path = new URL(order.checkout_url).pathname;
  for (const url of [path, `${path}?t=not-the-token`]) {
    const res = await page.goto(url);
    expect(res?.status()).toBe(404);
    await expect(page.locator("body")).not.toContainText("Tienda Ana");
    await expect(page.locator("body")).not.toContainText("Polera");
  }
});

test("@phone after expiry the cart stays as interest and one tap reserves it again with a new link", async ({ page }) => {
  test.setTimeout(120_000);
  const wait = Date.parse(expiring.expires_at) - Date.now() + 1_000;
  if (wait > 0) await page.waitForTimeout(wait);
  await page.goto(checkoutPathOf(expiring.checkout_url, "es"));
  await expect(page.getByTestId("checkout-expired")).toBeVisible();
  await expectAxeClean(page);
  await page.screenshot({ path: "test-results/screenshots/checkout-expired-es.png", fullPage: true });
  await page.getByRole("button", { name: "Reservar de nuevo" }).click();
  await expect(page).not.toHaveURL(new RegExp(expiring.order_id));
  await expect(page.getByTestId("countdown")).toBeVisible();
  await expect(page.getByTestId("cart-lines")).toContainText("Bolso negro");
});
