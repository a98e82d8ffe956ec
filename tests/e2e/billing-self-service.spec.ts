import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectNoSeriousAxe, shot, signInToDashboard } from "./dashboard-helpers";
import { createApiSeller } from "./checkout-helpers";
import { signInAsSuperadmin, superadminToken } from "./superadmin-helpers";

// Issues 16/17, session 9: the owner sees a plan change's price before confirming it (upgrade now with
// the rest of the month's difference, downgrade at the month's end), the payment-method card (PayPal,
// Mercado Pago, transfer), the operator's help-article editor and a closed tenant without actions.
// This server has no platform PayPal/Mercado Pago account configured, so starting a set-up shows the
// localized "not available" error; the provider round trips are tested against the fakes in
// tests/billing-collection-providers.test.ts. Screenshots (es, ar) under test-results/screenshots/.

async function chooseLocale(context: BrowserContext, locale: string) {
  await context.addCookies([{ name: "lss_locale", value: locale, url: test.info().project.use.baseURL! }]);
}

async function pastTrialSeller(request: Parameters<typeof createApiSeller>[0], name: string) {
  const seller = await createApiSeller(request, { name });
  const admin = { authorization: `Bearer ${await superadminToken(request)}` };
  const patched = await request.patch(`/api/admin/tenants/${seller.storeId}`, { headers: admin, data: { trial_ends_at: new Date(Date.now() - 3600_000).toISOString() } });
  expect(patched.status(), await patched.text()).toBe(200);
  return { seller, admin };
}

async function quote(page: Page, plan: string, button: RegExp) {
  await page.locator("#plan").selectOption(plan);
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(new RegExp(`plan=${plan}`));
  await expect(page.getByTestId("plan-quote")).toBeVisible();
}

test("plan change with its price shown first, the payment-method card, the help-article editor and a closed tenant", async ({ page, request, browser }) => {
  test.setTimeout(420_000);
  const name = `Moda Plan ${Date.now()}`;
  const { seller, admin } = await pastTrialSeller(request, name);

  const ctx = await browser.newContext();
  await chooseLocale(ctx, "es");
  const sp = await ctx.newPage();
  await signInToDashboard(sp, seller);
  await sp.goto("/dashboard/billing");

  // Upgrade: the difference for the rest of the month is shown before anything changes.
  await quote(sp, "pro", /^ver el precio$/i);
  await expect(sp.getByTestId("plan-quote")).toContainText(/Subir a Pro ahora: se suma [\d.,]+\sUS\$ a la factura de este mes/);
  await expect(sp.getByTestId("plan-quote")).toContainText(/Desde el próximo mes: 79,00\sUS\$ al mes/);
  let billing = await (await request.get(`/api/v1/stores/${seller.storeId}/billing`, { headers: { authorization: `Bearer ${seller.token}` } })).json();
  expect(billing.plan).toBe("starter");
  await shot(sp, "billing-plan-quote-es");
  await expectNoSeriousAxe(sp, "billing-quote");
  await sp.getByRole("button", { name: /^confirmar el cambio$/i }).click();
  await expect(sp.getByRole("status").filter({ hasText: /guardado/i })).toBeVisible();
  billing = await (await request.get(`/api/v1/stores/${seller.storeId}/billing`, { headers: { authorization: `Bearer ${seller.token}` } })).json();
  expect(billing.plan).toBe("pro");
  await expect(sp.getByTestId("proration")).toBeVisible();

  // Downgrade: scheduled for the month's end; keeping the plan cancels it.
  await quote(sp, "starter", /^ver el precio$/i);
  await expect(sp.getByTestId("plan-quote")).toContainText(/Bajar a Starter el .+ nada cambia/);
  await sp.getByRole("button", { name: /^confirmar el cambio$/i }).click();
  await expect(sp.getByTestId("scheduled-change")).toContainText(/Tu plan cambia a Starter el/);
  await shot(sp, "billing-plan-scheduled-es");
  await sp.getByRole("button", { name: /^mantener mi plan actual$/i }).click();
  await expect(sp.getByTestId("scheduled-change")).toHaveCount(0);

  // Payment method: PayPal set-up is offered; Mercado Pago is explained away for a USD plan.
  await expect(sp.getByText(/Las suscripciones de Mercado Pago cobran solo en monedas locales; tu plan está en USD/)).toBeVisible();
  await sp.getByRole("button", { name: /^guardar mi paypal$/i }).click();
  await expect(sp.getByRole("alert").filter({ hasText: /aún no está disponible en la plataforma/ })).toBeVisible();
  await expect(sp.getByTestId("payment-method")).toHaveText(/ninguno/i);
  await shot(sp, "billing-payment-method-es");
  await expectNoSeriousAxe(sp, "billing-method");

  // Arabic, right to left: the plan's Latin name is isolated (FSI … PDI) inside the Arabic sentence.
  await chooseLocale(ctx, "ar");
  await sp.goto("/dashboard/billing?plan=business");
  await expect(sp.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(sp.getByTestId("plan-quote")).toContainText(/الترقية إلى \u2068?Business\u2069? الآن/);
  await shot(sp, "billing-plan-quote-ar");
  await expectNoSeriousAxe(sp, "billing-quote-ar");

  // The operator writes a help article; the seller finds it once it is published.
  await signInAsSuperadmin(page);
  await chooseLocale(page.context(), "es");
  await page.goto("/admin/articles");
  const slug = `cobro-${Date.now()}`;
  await page.locator("#new-title").fill("Cómo pagar tu plan");
  await page.locator("#new-lang").selectOption("es");
  await page.locator("#new-slug").fill(slug);
  await page.locator("#new-body").fill("## Medios de pago\n\nGuarda tu PayPal o suscríbete con Mercado Pago en Facturación.");
  await page.getByRole("button", { name: /^crear el artículo$/i }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/[^/?]+\?ok=1/);
  await expect(page.getByTestId("article-status")).toHaveText(/borrador/i);
  await expect(page.getByTestId("article-preview")).toContainText("Guarda tu PayPal");
  await page.locator("#edit-published").check();
  await page.locator("#edit-title").fill("Cómo pagar tu plan mensual");
  await page.getByRole("button", { name: /^guardar$/i }).click();
  await expect(page.getByTestId("article-status")).toHaveText(/publicado/i);
  await shot(page, "console-article-edit-es");
  await expectNoSeriousAxe(page, "article-edit");
  await page.goto("/admin/articles");
  await expect(page.getByTestId("articles")).toContainText("Cómo pagar tu plan mensual");
  await shot(page, "console-articles-es");
  await expectNoSeriousAxe(page, "articles");
  await chooseLocale(ctx, "es");
  await sp.goto(`/dashboard/support?q=${encodeURIComponent("pagar tu plan")}`);
  await expect(sp.getByText("Cómo pagar tu plan mensual")).toBeVisible();
  await chooseLocale(page.context(), "ar");
  await page.goto("/admin/articles");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await shot(page, "console-articles-ar");
  await expectNoSeriousAxe(page, "articles-ar");

  // A closed tenant offers nothing that would change it.
  const closed = await request.post(`/api/admin/tenants/${seller.storeId}/close`, { headers: admin, data: { confirm: name } });
  expect(closed.status(), await closed.text()).toBe(200);
  await chooseLocale(page.context(), "es");
  await page.goto(`/admin/tenants/${seller.storeId}`);
  await expect(page.getByTestId("tenant-closed-locked")).toBeVisible();
  await expect(page.getByRole("button", { name: /^(reactivar|suspender|confirmar transferencia|cerrar esta tienda)$/i })).toHaveCount(0);
  await expect(page.locator("#plan")).toHaveCount(0);
  await shot(page, "console-tenant-closed-locked-es");
  await expectNoSeriousAxe(page, "tenant-closed-locked");
  await ctx.close();
});

test("the plan quote, the payment-method card and the article editor on a phone @phone", async ({ page, request, browser }) => {
  test.setTimeout(300_000);
  const { seller } = await pastTrialSeller(request, `Tienda Plan Móvil ${Date.now()}`);
  const ctx = await browser.newContext({ ...test.info().project.use });
  await chooseLocale(ctx, "es");
  const sp = await ctx.newPage();
  await signInToDashboard(sp, seller);
  await sp.goto("/dashboard/billing?plan=pro");
  await expect(sp.getByTestId("plan-quote")).toContainText(/Subir a Pro ahora/);
  await shot(sp, "billing-plan-quote-es-phone");
  await expectNoSeriousAxe(sp, "billing-quote-phone");
  await chooseLocale(ctx, "ar");
  await sp.goto("/dashboard/billing?plan=pro");
  await expect(sp.locator("html")).toHaveAttribute("dir", "rtl");
  await shot(sp, "billing-plan-quote-ar-phone");
  await expectNoSeriousAxe(sp, "billing-quote-ar-phone");
  await ctx.close();

  await signInAsSuperadmin(page);
  await chooseLocale(page.context(), "es");
  await page.goto("/admin/articles");
  await expect(page.locator("#new-title")).toBeVisible();
  await shot(page, "console-articles-es-phone");
  await expectNoSeriousAxe(page, "articles-phone");
  await chooseLocale(page.context(), "ar");
  await page.goto("/admin/articles");
  await shot(page, "console-articles-ar-phone");
});
