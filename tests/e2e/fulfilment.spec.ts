import { createHmac, randomBytes } from "node:crypto";
import { devices, expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_SECRETS } from "../../playwright.config";
import { checkoutPathOf, createApiSeller, createProduct, expectAxeClean, payWithSandbox, signInToDashboard, type ApiSeller } from "./checkout-helpers";

type Sent = { kind: string; status: string; order_id: string | null; body: { message?: { attachment?: { payload?: { buttons?: { url?: string }[] } } } } };
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const auth = (s: ApiSeller) => ({ authorization: `Bearer ${s.token}` });

async function signedComment(request: APIRequestContext, { pageId, videoId, text, author }: { pageId: string; videoId: string; text: string; author: { id: string; name: string } }) {
  const commentId = `${videoId}_${randomBytes(4).toString("hex")}`;
  const raw = JSON.stringify({
    object: "page",
    entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: "feed", value: { item: "comment", verb: "add", comment_id: commentId, post_id: `${pageId}_${videoId}`, from: author, message: text, created_time: Math.floor(Date.now() / 1000) } }] }],
  });
  const signature = `sha256=${createHmac("sha256", E2E_SECRETS.META_APP_SECRET).update(raw).digest("hex")}`;
  const res = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": signature }, data: raw });
  expect(res.status()).toBe(200);
  return commentId;
}

test("@phone comment → DM link → delivery details (a wrong phone first) → sandbox payment → the seller ships with tracking → the buyer's page shows it, one tracking message", async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  const seller = await createApiSeller(request, { name: "Tienda Fulfil" });
  await createProduct(request, seller, { sku: "A12", name: "Polera roja M", price: 15990, stock: 5, color: "rojo", size: "M" });
  const setup = await request.post("/api/dev/simulator/setup", { headers: auth(seller), data: { store_id: seller.storeId } });
  expect(setup.ok()).toBe(true);
  const { pageId } = await setup.json();
  const delivery = await request.put(`/api/v1/stores/${seller.storeId}/delivery`, {
    headers: auth(seller),
    data: {
      methods: [
        { type: "pickup", name: "Retiro en tienda", fee_minor: 0, address: "Av. Providencia 1234, Providencia", instructions: "Lun a vie 10:00–18:00", active: true },
        { type: "shipping", name: "Envío a todo Chile (Starken)", fee_minor: 4990, free_over_minor: 100000, zones: [], active: true },
      ],
      combine_window_hours: 24,
    },
  });
  expect(delivery.status()).toBe(200);
  const live = await (await request.post("/api/v1/lives", { headers: auth(seller), data: { store_id: seller.storeId, fb_video_id: `v${Date.now()}`, title: "Live del viernes" } })).json();

  await signedComment(request, { pageId, videoId: live.fb_video_id, text: "quiero 2 de la polera roja M 😍", author: { id: "5151515151", name: "Carla Pérez" } });
  let link = "";
  let orderId = "";
  await expect(async () => {
    const sent: Sent[] = await (await request.get(`/api/dev/simulator/sent?live_id=${live.id}`, { headers: auth(seller) })).json();
    const dm = sent.find((m) => m.kind === "PRIVATE_REPLY" && m.status === "SENT");
    link = dm?.body.message?.attachment?.payload?.buttons?.[0]?.url ?? "";
    orderId = dm?.order_id ?? "";
    expect(link).toContain("/checkout/");
  }).toPass({ timeout: 10_000 });
  if (!orderId) orderId = new URL(link).pathname.split("/").pop()!;

  // The details step in Portuguese and Arabic (right to left), then the buyer's own Spanish.
  for (const lang of ["pt", "ar"]) {
    await page.goto(checkoutPathOf(link, lang));
    await expect(page.getByTestId("delivery-details")).toBeVisible();
    await page.getByRole("radio").nth(1).check();
    await expect(page.locator("#dd-address-region")).toBeVisible();
    await shot(page, `fulfilment-details-${lang}`);
  }
  await page.goto(checkoutPathOf(link, "es"));
  const form = page.getByTestId("delivery-details");
  await expect(form).toBeVisible();
  await expect(page.getByTestId("pay-after-details")).toBeVisible();
  await expect(page.getByTestId("pay-sandbox")).toHaveCount(0);
  await page.getByLabel("Nombre y apellido").fill("Carla Pérez");
  await page.getByLabel("Teléfono (WhatsApp)").fill("12345");
  await page.getByLabel("Correo (opcional)").fill("carla@example.com");
  await page.getByRole("radio", { name: /Envío a todo Chile/ }).check();
  await page.getByLabel("Calle y número").fill("Av. Italia 1500");
  await page.getByLabel("Depto, casa, referencia (opcional)").fill("Depto 12");
  await page.getByLabel("Comuna").fill("Ñuñoa");
  await page.getByLabel("Región", { exact: true }).selectOption("Metropolitana de Santiago");
  await page.getByRole("button", { name: "Continuar al pago" }).click();
  await expect(page.getByTestId("error-phone")).toContainText("+56 9 1234 5678");
  await expect(page.getByLabel("Teléfono (WhatsApp)")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "fulfilment-details-es-wrong-phone");
  await expectAxeClean(page);

  await page.getByLabel("Teléfono (WhatsApp)").fill("+56 9 8765 4321");
  await page.getByRole("button", { name: "Continuar al pago" }).click();
  await expect(page.getByTestId("details-state")).toContainText("Guardado");
  await expect(page.getByTestId("error-phone")).toHaveCount(0);
  await expect(page.getByTestId("cart-shipping")).toContainText("4.990");
  await expect(page.getByTestId("order-total")).toContainText("36.970");
  await expect(page.getByTestId("pay-sandbox")).toBeVisible();
  await shot(page, "fulfilment-details-es");

  // A reload loses nothing.
  await page.reload();
  await expect(page.getByLabel("Teléfono (WhatsApp)")).toHaveValue("+56987654321");
  await expect(page.getByLabel("Calle y número")).toHaveValue("Av. Italia 1500");

  await payWithSandbox(page);
  const paid = await (await request.get(`/api/v1/orders/${orderId}`, { headers: auth(seller) })).json();
  expect(paid).toMatchObject({ status: "paid", total_minor: 36970, shipping_minor: 4990, buyer_details: { name: "Carla Pérez", phone: "+56987654321" }, delivery: { type: "shipping" } });
  expect(paid.payments.find((p: { status: string }) => p.status === "succeeded").amount_minor).toBe(36970);

  // The seller, on a desktop: the To-ship queue, the pick list, a packing slip; then ships with tracking.
  const desk = await browser.newContext({ ...devices["Desktop Chrome"], baseURL: test.info().project.use.baseURL });
  const sellerPage = await desk.newPage();
  await signInToDashboard(sellerPage, seller);
  await sellerPage.goto("/dashboard/orders/to-ship");
  const group = sellerPage.getByTestId("to-ship-group");
  await expect(group).toHaveCount(1);
  await expect(group).toContainText("Carla Pérez");
  await expect(group).toContainText("+56987654321");
  await expect(group).toContainText("Av. Italia 1500");
  await shot(sellerPage, "fulfilment-to-ship");
  await sellerPage.goto("/dashboard/orders/pick-list");
  await expect(sellerPage.getByTestId("pick-list")).toContainText("A12");
  await expect(sellerPage.getByTestId("pick-summary")).toContainText(/(Units to pull|Unidades por sacar): 2/);
  await shot(sellerPage, "fulfilment-pick-list");
  await sellerPage.goto("/dashboard/orders/packing-slips");
  await expect(sellerPage.getByTestId("packing-slip")).toHaveCount(1);
  await sellerPage.emulateMedia({ media: "print" });
  await shot(sellerPage, "fulfilment-packing-slip");
  await sellerPage.emulateMedia({ media: "screen" });

  await sellerPage.goto("/dashboard/settings/delivery");
  await expect(sellerPage.getByTestId("delivery-method")).toHaveCount(2);
  await shot(sellerPage, "fulfilment-settings-delivery");

  await sellerPage.goto("/dashboard/orders/to-ship");
  await sellerPage.getByTestId("to-ship-group").getByLabel(/Carrier|Transportista/).selectOption("starken");
  await sellerPage.getByTestId("to-ship-group").getByLabel(/Tracking number|Número de seguimiento/).fill("ST99887766");
  await sellerPage.getByTestId("ship-submit").click();
  await expect(sellerPage.getByTestId("group-tracking")).toContainText("ST99887766");
  await shot(sellerPage, "fulfilment-to-ship-shipped");
  await desk.close();

  // The buyer's link is now her order's status page: tracking, link, address, timeline.
  await page.goto(checkoutPathOf(link, "es"));
  await expect(page.getByTestId("tracking")).toContainText("ST99887766");
  await expect(page.getByTestId("tracking").getByRole("link", { name: "Seguir envío" })).toHaveAttribute("href", "https://www.starken.cl/seguimiento?codigo=ST99887766");
  await expect(page.getByTestId("status-delivery")).toContainText("Av. Italia 1500");
  await shot(page, "fulfilment-status-es");

  // On the wire, at the fake Graph API: exactly one message carrying the tracking number.
  const wire: { kind: string; message: unknown }[] = await (await request.get(`/api/dev/simulator/graph-calls?order_id=${orderId}`, { headers: auth(seller) })).json();
  expect(wire.filter((c) => JSON.stringify(c.message).includes("ST99887766"))).toHaveLength(1);
});
