import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { checkoutPathOf, createCheckoutOrder, patchStore } from "./checkout-helpers";
import { auth, comment, expectNoSeriousAxe, readySeller, shot, signInToDashboard, startLive, type ApiSeller } from "./dashboard-helpers";

// Session 9 (issues 19 and 15) as a seller sees it, in Spanish and Arabic, desktop and phone:
// - a high-risk buyer's order waits for her approval (store setting), approved from the Live Control
//   Center or declined on the order page; the buyer's checkout says the store will confirm;
// - the post-live report lists the question nobody answered;
// - Settings → Privacy (retention period, errors in her language) and Settings → Close the store.

type Locale = "es" | "ar";
type OrderRow = { id: string; status: string; awaiting_approval: boolean; risk_mode: string | null; buyer: { name: string } | null; checkout_url: string };

async function chooseLocale(context: BrowserContext, locale: Locale) {
  await context.addCookies([{ name: "lss_locale", value: locale, url: test.info().project.use.baseURL! }]);
}

async function ordersOf(request: APIRequestContext, seller: ApiSeller, buyer: string): Promise<OrderRow[]> {
  const res = await request.get(`/api/v1/orders?store_id=${seller.storeId}&limit=100`, { headers: auth(seller) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as OrderRow[]).filter((o) => o.buyer?.name === buyer);
}

/** axe on the part of a page this work added. */
async function expectNoSeriousAxeIn(page: Page, selector: string) {
  const axe = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${selector} ${v.id}`)).toEqual([]);
}

/** Two cancelled carts make a buyer's risk 60 (the store's limit); her next buy comment waits for approval. */
async function hoarderWaitingForApproval(request: APIRequestContext, seller: ApiSeller, liveId: string, buyer: string) {
  for (let round = 1; round <= 2; round++) {
    await comment(request, seller, liveId, buyer, "quiero 1 de la A12");
    await expect.poll(async () => (await ordersOf(request, seller, buyer)).filter((o) => o.status === "pending").length, { timeout: 20_000 }).toBe(1);
    const open = (await ordersOf(request, seller, buyer)).find((o) => o.status === "pending")!;
    expect(open.awaiting_approval).toBe(false);
    const cancelled = await request.post(`/api/v1/orders/${open.id}/cancel`, { headers: auth(seller), data: {} });
    expect(cancelled.status(), await cancelled.text()).toBe(200);
  }
  await comment(request, seller, liveId, buyer, "quiero 1 de la A12");
  await expect.poll(async () => (await ordersOf(request, seller, buyer)).filter((o) => o.awaiting_approval).length, { timeout: 20_000 }).toBe(1);
  return (await ordersOf(request, seller, buyer)).find((o) => o.awaiting_approval)!;
}

const TEXT: Record<Locale, { carts: string; approve: string; decline: string; confirm: string; waitingCheckout: RegExp; unanswered: string }> = {
  es: { carts: "Carritos", approve: "Aprobar", decline: "Rechazar", confirm: "Confirmar", waitingCheckout: /La tienda confirmará tu pedido/, unanswered: "Preguntas que nadie respondió" },
  ar: { carts: "السلال", approve: "موافقة", decline: "رفض", confirm: "تأكيد", waitingCheckout: /سيؤكد المتجر طلبك/, unanswered: "أسئلة لم يُجب عنها أحد" },
};

async function approvalFlow(page: Page, context: BrowserContext, request: APIRequestContext, device: "desktop" | "phone") {
  const seller = await readySeller(request);
  await patchStore(request, seller, { high_risk_threshold: 60, high_risk_treatment: "approval" });
  const live = await startLive(request, seller, "Live del domingo");
  await signInToDashboard(page, seller);

  for (const locale of ["es", "ar"] as const) {
    const t = TEXT[locale];
    await chooseLocale(context, locale);
    const buyer = locale === "es" ? "Rosa Acapara" : "Rana Hoarder";
    const waiting = await hoarderWaitingForApproval(request, seller, live.id, buyer);

    // The buyer's link says the store will confirm (no payment offered yet).
    await page.goto(checkoutPathOf(waiting.checkout_url, locale));
    await expect(page.getByTestId("checkout-awaiting-approval")).toContainText(t.waitingCheckout);
    await expect(page.getByTestId("pay-sandbox")).toHaveCount(0);
    await shot(page, `checkout-awaiting-approval-${locale}-${device}`);
    await expectNoSeriousAxe(page, `checkout-awaiting-${locale}-${device}`);

    if (locale === "es") {
      // Approve from the Live Control Center: the units are reserved and the link goes out.
      await page.goto(`/dashboard/live/${live.id}`);
      await page.getByRole("tab", { name: new RegExp(t.carts) }).click();
      const card = page.getByTestId("cart").filter({ hasText: buyer }).filter({ has: page.getByTestId("cart-approval") });
      await expect(card).toHaveCount(1);
      await card.scrollIntoViewIfNeeded();
      await shot(page, `lcc-approval-${locale}-${device}`);
      await expectNoSeriousAxeIn(page, '[data-testid="carts"]');
      await card.getByRole("button", { name: t.approve }).click();
      await expect.poll(async () => (await ordersOf(request, seller, buyer)).find((o) => o.id === waiting.id)?.awaiting_approval, { timeout: 15_000 }).toBe(false);
      await expect(page.getByTestId("cart-approval")).toHaveCount(0);
    } else {
      // Decline on the order page: cancelled, the buyer told.
      await page.goto(`/dashboard/orders/${waiting.id}`);
      await expect(page.getByTestId("order-awaiting-approval")).toBeVisible();
      await expect(page.getByTestId("order-approval-note")).toBeVisible();
      await shot(page, `order-approval-${locale}-${device}`);
      await expectNoSeriousAxeIn(page, '[data-testid="order-detail"]');
      await page.getByRole("button", { name: t.decline }).click();
      await page.getByRole("dialog").getByRole("button", { name: t.confirm }).click();
      await expect(page.getByTestId("order-status")).not.toHaveText(/^$/);
      await expect.poll(async () => (await ordersOf(request, seller, buyer)).find((o) => o.id === waiting.id)?.status, { timeout: 15_000 }).toBe("cancelled");
    }
  }

  // A question nobody answered shows in the post-live report.
  await comment(request, seller, live.id, "Berta Envío", "hacen envíos a Temuco?");
  await expect.poll(async () => (await (await request.get(`/api/v1/lives/${live.id}/report`, { headers: auth(seller) })).json()).unanswered_questions, { timeout: 20_000 }).toBe(1);
  expect((await request.post(`/api/v1/lives/${live.id}/end`, { headers: auth(seller), data: {} })).status()).toBe(200);
  for (const locale of ["es", "ar"] as const) {
    await chooseLocale(context, locale);
    await page.goto(`/dashboard/live/${live.id}/report`);
    await expect(page.getByRole("heading", { name: TEXT[locale].unanswered })).toBeVisible();
    await expect(page.getByTestId("report-unanswered-list")).toContainText("hacen envíos a Temuco?");
    await expect(page.getByTestId("report-unanswered")).toContainText(/1|١/);
    await shot(page, `live-report-unanswered-${locale}-${device}`);
    await expectNoSeriousAxe(page, `live-report-${locale}-${device}`);
  }
}

test("a high-risk buyer's order waits for approval: approved in the Live Control Center, declined on the order page; the report lists the unanswered question (es, ar, desktop)", async ({ page, context, request }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await approvalFlow(page, context, request, "desktop");
});

test("@phone a high-risk buyer's order waits for approval: approved in the Live Control Center, declined on the order page; the report lists the unanswered question (es, ar, phone)", async ({ page, context, request }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await approvalFlow(page, context, request, "phone");
});

const PRIVACY: Record<Locale, { tooShort: RegExp; saved: string; wrongName: RegExp }> = {
  es: { tooShort: /7/, saved: "Período de conservación guardado", wrongName: /Escribe el nombre de la tienda exactamente/ },
  ar: { tooShort: /7|٧/, saved: "تم حفظ مدة الاحتفاظ", wrongName: /اكتب اسم المتجر تماماً/ },
};

async function privacyAndClose(page: Page, context: BrowserContext, request: APIRequestContext, device: "desktop" | "phone") {
  const seller = await readySeller(request);
  const store = await (await request.get(`/api/v1/stores/${seller.storeId}`, { headers: auth(seller) })).json();
  await signInToDashboard(page, seller);
  let saved = 90;
  for (const locale of ["es", "ar"] as const) {
    const t = PRIVACY[locale];
    await chooseLocale(context, locale);
    // A new document in the new language (the same URL with only a hash would not load the page again).
    await page.goto(`/dashboard/settings?lang=${locale}#privacy`);
    const form = page.getByTestId("retention-form");
    // Too short: the API's answer, in her language, under the field; nothing saved.
    await form.locator("#comment_retention_days").fill("3");
    await form.getByRole("button").click();
    await expect(form.locator("#comment_retention_days-error")).toContainText(t.tooShort);
    await expect(form.locator("#comment_retention_days")).toHaveAttribute("aria-invalid", "true");
    await form.scrollIntoViewIfNeeded();
    await shot(page, `settings-retention-error-${locale}-${device}`);
    await page.locator("#privacy").screenshot({ path: `test-results/screenshots/settings-privacy-card-${locale}-${device}.png` });
    expect((await (await request.get(`/api/v1/stores/${seller.storeId}`, { headers: auth(seller) })).json()).comment_retention_days).toBe(saved);
    await form.locator("#comment_retention_days").fill(locale === "es" ? "30" : "45");
    await form.getByRole("button").click();
    await expect(page.getByText(t.saved, { exact: true })).toBeVisible(); // the toast; its live-region copy reads "Notification …"
    saved = locale === "es" ? 30 : 45;
    await expect.poll(async () => (await (await request.get(`/api/v1/stores/${seller.storeId}`, { headers: auth(seller) })).json()).comment_retention_days).toBe(saved);
    await expectNoSeriousAxeIn(page, "#privacy");

    // Close the store: a wrong name is refused in her language and changes nothing.
    const close = page.getByTestId("close-store-form");
    await close.locator("#close_store_confirm").fill(`${store.name} x`);
    await close.getByRole("button").click();
    await expect(close.locator("#close_store_confirm-error")).toContainText(t.wrongName);
    await close.scrollIntoViewIfNeeded();
    await shot(page, `settings-close-store-${locale}-${device}`);
    await page.locator("#close-store").screenshot({ path: `test-results/screenshots/settings-close-card-${locale}-${device}.png` });
    await page.locator("#buyers").screenshot({ path: `test-results/screenshots/settings-buyers-card-${locale}-${device}.png` });
    await expectNoSeriousAxeIn(page, "#close-store");
    expect((await request.get(`/api/v1/stores/${seller.storeId}`, { headers: auth(seller) })).status()).toBe(200);
    await close.locator("#close_store_confirm").fill("");
  }
  // The exact name closes it; she lands on Security, where she can now delete her account.
  await chooseLocale(context, "es");
  await page.goto("/dashboard/settings#close-store");
  const close = page.getByTestId("close-store-form");
  await close.locator("#close_store_confirm").fill(store.name);
  await close.getByRole("button").click();
  await expect(page).toHaveURL(/\/dashboard\/settings\/security/);
  await expect(page.getByTestId("delete-account")).toBeVisible();
  await page.goto("/dashboard/settings#close-store");
  await expect(page.getByTestId("store-closed")).toBeVisible();
  await shot(page, `settings-store-closed-es-${device}`);
}

test("Settings: the retention period with errors in the seller's language, and closing the store by typing its name (es, ar, desktop)", async ({ page, context, request }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await privacyAndClose(page, context, request, "desktop");
});

test("@phone Settings: the retention period with errors in the seller's language, and closing the store by typing its name (es, ar, phone)", async ({ page, context, request }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await privacyAndClose(page, context, request, "phone");
});

/** Every CSP violation the page reports (the browser's securitypolicyviolation events, kept across navigations). */
async function recordCspViolations(page: Page) {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}

test("scripts run only with the page's nonce: the checkout and the dashboard hydrate with no CSP violation", async ({ page, request }) => {
  test.setTimeout(120_000);
  const violations = await recordCspViolations(page);
  const seller = await readySeller(request);
  const order = await createCheckoutOrder(request, seller, [{ sku: "A12", qty: 1 }]);
  const res = await page.goto(checkoutPathOf(order.checkout_url));
  const csp = res!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("'unsafe-inline'");
  // The countdown is a client component: it ticks only if React hydrated under the policy.
  const countdown = page.getByTestId("countdown");
  const first = await countdown.textContent();
  await expect.poll(async () => countdown.textContent(), { timeout: 5_000 }).not.toBe(first);

  // The dashboard: a client-side form answers without a page load (hydrated).
  await signInToDashboard(page, seller);
  await page.goto("/dashboard/settings#privacy");
  const form = page.getByTestId("retention-form");
  await form.locator("#comment_retention_days").fill("2");
  await form.getByRole("button").click();
  await expect(form.locator("#comment_retention_days-error")).toBeVisible();
  await page.goto("/dashboard/orders");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});
