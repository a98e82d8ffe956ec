import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_SECRETS } from "../../playwright.config";
import { createApiSeller, patchStore } from "./checkout-helpers";
import { auth, comment, expectNoSeriousAxe, sentFor, shot, signInToDashboard, startLive, type ApiSeller } from "./dashboard-helpers";

// Issue 13 end to end, on the built app: a catalog whose sizes live only in names and SKUs, a buyer
// who names the product but not the size, the DM that asks, the tap Meta delivers twice, one reservation.

const fixtures = join(import.meta.dirname, "fixtures");
const CSV = readFileSync(join(fixtures, "catalog-sizes-in-names.csv"), "utf8");

async function shirtSeller(request: APIRequestContext) {
  const seller = await createApiSeller(request);
  const imported = await request.post(`/api/v1/inventory/import?store_id=${seller.storeId}`, { headers: { ...auth(seller), "content-type": "text/csv" }, data: CSV });
  expect(imported.status(), await imported.text()).toBe(200);
  const setup = await request.post("/api/dev/simulator/setup", { headers: auth(seller), data: { store_id: seller.storeId } });
  expect(setup.status(), await setup.text()).toBe(200);
  await patchStore(request, seller, { onboarding_step: 4, locale: "es-CL" });
  return { seller, pageId: (await setup.json()).pageId as string };
}

/** A Messenger quick-reply tap as Meta delivers it: signed, with a message id (the same on a redelivery). */
async function tap(request: APIRequestContext, { pageId, psid, payload, mid }: { pageId: string; psid: string; payload: string; mid: string }) {
  const raw = JSON.stringify({ object: "page", entry: [{ id: pageId, time: Date.now(), messaging: [{ sender: { id: psid }, recipient: { id: pageId }, timestamp: Date.now(), message: { mid, text: payload, quick_reply: { payload } } }] }] });
  const signature = `sha256=${createHmac("sha256", E2E_SECRETS.META_APP_SECRET).update(raw).digest("hex")}`;
  const res = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": signature }, data: raw });
  expect(res.status()).toBe(200);
}

type QuickReply = { title: string; payload: string };
const quickReplies = (body: unknown) => ((body as { message?: { quick_replies?: QuickReply[] } }).message?.quick_replies ?? []);

test("“quiero la camisa azul” → one DM with two quick replies → the tap delivered twice → one reservation of the chosen size and the cart DM", async ({ request }) => {
  test.setTimeout(120_000);
  const { seller, pageId } = await shirtSeller(request);
  const live = await startLive(request, seller, "Live de camisas");
  const { comment_id, author_id } = await comment(request, seller, live.id, "Carla Pérez", "quiero la camisa azul");

  let ask: { body: unknown } | undefined;
  await expect(async () => {
    const sent = await sentFor(request, seller, live.id);
    ask = sent.find((m) => m.kind === "PRIVATE_REPLY" && m.status === "SENT");
    expect(ask).toBeDefined();
  }).toPass({ timeout: 15_000 });
  const sentBefore = await sentFor(request, seller, live.id);
  expect(sentBefore.filter((m) => m.kind === "PRIVATE_REPLY")).toHaveLength(1);
  expect(JSON.stringify(ask!.body)).toContain("Qué talla de Camisa Azul");
  const options = quickReplies(ask!.body);
  expect(options.map((o) => o.title).sort()).toEqual(["L", "S"]);
  const wire: { kind: string }[] = await (await request.get(`/api/dev/simulator/graph-calls?comment_id=${comment_id}`, { headers: auth(seller) })).json();
  expect(wire.map((c) => c.kind).sort()).toEqual(["comment_reply", "private_reply"]);

  // The buyer taps "L"; Meta delivers that event twice.
  const psid = `psid_${author_id}`;
  const L = options.find((o) => o.title === "L")!.payload;
  await tap(request, { pageId, psid, payload: L, mid: `m_tap_${Date.now()}` });
  const mid = `m_tap_again_${Date.now()}`;
  await tap(request, { pageId, psid, payload: L, mid });
  await tap(request, { pageId, psid, payload: L, mid });

  await expect(async () => {
    const orders: { status: string; items: { sku: string; qty?: number; quantity?: number }[] }[] = await (await request.get(`/api/v1/orders?store_id=${seller.storeId}`, { headers: auth(seller) })).json();
    expect(orders).toHaveLength(1);
    const detail = await (await request.get(`/api/v1/orders/${(orders[0] as unknown as { id: string }).id}`, { headers: auth(seller) })).json();
    expect(detail.items.map((i: { sku: string; quantity?: number; qty?: number }) => [i.sku, i.quantity ?? i.qty])).toEqual([["CAM-AZU-L", 1]]);
    const sent = await sentFor(request, seller, live.id);
    expect(sent.filter((m) => m.kind === "DM" && JSON.stringify(m.body).includes("/checkout/"))).toHaveLength(1);
  }).toPass({ timeout: 15_000 });
  const products: { sku: string; reserved: number }[] = await (await request.get(`/api/v1/inventory/products?store_id=${seller.storeId}`, { headers: auth(seller) })).json();
  expect(products.map((p) => [p.sku, p.reserved]).sort()).toEqual([["CAM-AZU-L", 1], ["CAM-AZU-S", 0]]);
});

async function review(page: Page, request: APIRequestContext, seller: ApiSeller, lang: string, name: string) {
  await page.context().addCookies([{ name: "lss_locale", value: lang, url: test.info().project.use.baseURL! }]);
  const live = await startLive(request, seller, `Live ${lang}`);
  await page.goto(`/dashboard/live/${live.id}`);
  await expect(page.locator("#main").getByTestId("connection")).toHaveAttribute("data-state", "open");
  await comment(request, seller, live.id, "Carla Pérez", "quiero la camisa azul");
  const choices = page.getByTestId("review-choices").first();
  await expect(choices).toBeVisible({ timeout: 10_000 });
  await expect(choices.getByRole("button")).toHaveCount(2);
  await shot(page, `${name}-${lang}`);
  await expectNoSeriousAxe(page, `review queue ${lang}`);
  return { live, choices };
}

test("the seller resolves the review queue in one tap; the import preview shows the groups it found (es, pt, ar)", async ({ page, request }) => {
  test.setTimeout(300_000);
  const { seller } = await shirtSeller(request);
  await signInToDashboard(page, seller);
  const device = test.info().project.name;

  for (const lang of ["es", "pt", "ar"]) {
    await page.context().addCookies([{ name: "lss_locale", value: lang, url: test.info().project.use.baseURL! }]);
    await page.goto("/dashboard/inventory");
    await page.locator('input[type="file"][name="csv"]').first().setInputFiles(join(fixtures, "catalog-sizes-in-names.csv"));
    await page.locator('button[value="check"]').first().click();
    const groups = page.getByTestId("import-groups");
    await expect(groups).toContainText("Camisa");
    await expect(groups).toContainText("Azul S · Azul L");
    await shot(page, `import-groups-${device}-${lang}`);
    // The preview this issue added (the page around it has a known low-contrast template link, not ours).
    const axe = await new AxeBuilder({ page }).include('[data-testid="import-preview"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${lang} ${v.id}`)).toEqual([]);
  }

  for (const lang of ["es", "pt", "ar"]) {
    const { live, choices } = await review(page, request, seller, lang, `review-queue-${device}`);
    if (lang !== "ar") continue;
    // One tap reserves for the buyer, by the buyer's own path.
    await choices.getByRole("button").filter({ hasText: "CAM-AZU-S" }).click();
    await expect(page.getByTestId("review-choices")).toHaveCount(0, { timeout: 10_000 });
    await expect(async () => {
      const sent = await sentFor(request, seller, live.id);
      expect(sent.some((m) => m.kind === "PRIVATE_REPLY")).toBe(true);
    }).toPass();
    await shot(page, `review-resolved-${device}-${lang}`);
  }

  await page.context().addCookies([{ name: "lss_locale", value: "es", url: test.info().project.use.baseURL! }]);
  await page.goto("/dashboard/settings");
  await expect(page.getByTestId("question-answers")).toBeVisible();
  await page.getByTestId("question-answers").scrollIntoViewIfNeeded();
  await shot(page, `settings-question-answers-${device}-es`);
  await expectNoSeriousAxe(page, "settings");
});

test("@phone the review queue and the import preview on a phone", async ({ page, request }) => {
  test.setTimeout(240_000);
  const { seller } = await shirtSeller(request);
  await signInToDashboard(page, seller);
  for (const lang of ["es", "pt", "ar"]) await review(page, request, seller, lang, "review-queue-phone");
  await page.goto("/dashboard/inventory");
  await page.locator('input[type="file"][name="csv"]').first().setInputFiles(join(fixtures, "catalog-sizes-in-names.csv"));
  await page.locator('button[value="check"]').first().click();
  await expect(page.getByTestId("import-groups")).toBeVisible();
  await shot(page, "import-groups-phone-ar");
});
