import { expect, test } from "@playwright/test";
import { auth, expectNoSeriousAxe, shot, signInToDashboard } from "./dashboard-helpers";
import { createApiSeller } from "./checkout-helpers";
import { signInAsSuperadmin } from "./superadmin-helpers";

// The operator console (CONTRACT §9) and the seller's Billing and Help pages (§12), walked in a real
// Chromium against the production build: every page screenshotted under test-results/screenshots/.

test("a superadmin runs tenants, limits, users, plans, tickets, reports and logs; the seller sees billing and the reply", async ({ page, request, browser }) => {
  // Many pages in two browsers, plus the superadmin's two-step enrolment on a first run: past 60 s on a busy machine.
  test.setTimeout(150_000);
  const seller = await createApiSeller(request, { name: `Moda Consola ${Date.now()}` });
  const ticket = await request.post("/api/v1/support/tickets", { headers: auth(seller), data: { store_id: seller.storeId, subject: "El bot no envía DMs", body: "Desde las 10:00 nadie recibe el enlace.", severity: "S1" } });
  expect(ticket.status(), await ticket.text()).toBe(201);
  const ticketId = (await ticket.json()).id as string;

  await signInAsSuperadmin(page);
  await expect(page.getByTestId("kpi-gmv")).toBeVisible();
  await shot(page, "console-overview");
  await expectNoSeriousAxe(page, "overview");

  // Tenants: search by the seller's email, open the tenant, override a limit.
  await page.goto("/admin/tenants");
  await page.getByRole("searchbox").or(page.locator("#q")).first().fill(seller.email);
  await page.getByRole("button", { name: /^(filter|filtrar)$/i }).click();
  await expect(page.getByTestId("tenants-total")).toContainText(/1 (of|de) 1/);
  await shot(page, "console-tenants");
  await page.getByRole("link", { name: /Moda Consola/ }).click();
  await expect(page.getByTestId("tenant-status")).toHaveText(/trial|prueba/i);
  await page.locator("#limit_comments").fill("3");
  await page.locator("#limit_comments").locator("xpath=ancestor::form").getByRole("button").click();
  await expect(page.getByRole("status").filter({ hasText: /saved|guardado/i })).toBeVisible();
  await expect(page.getByTestId("usage-" + (await page.locator("label[for=limit_comments]").innerText()))).toContainText(/0 (of|de) 3/);
  await shot(page, "console-tenant");
  await expectNoSeriousAxe(page, "tenant");
  const billing = await (await request.get(`/api/v1/stores/${seller.storeId}/billing`, { headers: auth(seller) })).json();
  expect(billing.usage.comments).toEqual({ used: 0, limit: 3 });

  // Create a tenant for a new seller, then suspend it with a reason.
  await page.goto("/admin/tenants");
  await page.locator("#t-name").fill("Tienda Invitada");
  await page.locator("#t-owner").fill(`invitada.${Date.now()}@example.com`);
  await page.locator("#t-country").fill("PE");
  await page.locator("#t-currency").fill("PEN");
  await page.getByRole("button", { name: /create a tenant|crear una tienda/i }).click();
  await expect(page.getByTestId("invite-url")).toContainText("/invite/");
  await page.locator("#q").fill("Tienda Invitada");
  await page.getByRole("button", { name: /^(filter|filtrar)$/i }).click();
  await page.getByRole("link", { name: "Tienda Invitada" }).first().click();
  await page.locator("#reason").fill("Documentos pendientes");
  await page.getByRole("button", { name: /^(suspend|suspender)$/i }).click();
  await expect(page.getByTestId("tenant-status")).toHaveText(/suspended|suspendida/i);
  await expect(page.getByText(/Documentos pendientes/)).toBeVisible();

  // Users, plans, reports, logs.
  await page.goto(`/admin/users?q=${encodeURIComponent(seller.email)}`);
  await expect(page.getByText(seller.email)).toBeVisible();
  await shot(page, "console-users");
  await expectNoSeriousAxe(page, "users");
  await page.goto("/admin/plans");
  await expect(page.getByTestId("plan-starter")).toBeVisible();
  await shot(page, "console-plans");
  await page.goto("/admin/reports");
  // The monthly scheduled reports may already be listed: wait for this report's own row (the newest, first).
  const reportRows = page.getByRole("row");
  const listed = await reportRows.count();
  await page.getByRole("button", { name: /^(generate|generar)$/i }).click();
  await expect(reportRows).toHaveCount(listed === 0 ? 2 : listed + 1);
  const download = reportRows.nth(1).getByRole("link", { name: /download csv|descargar csv/i });
  await expect(download).toBeVisible();
  const href = await download.getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(await csv.text()).toContain(seller.storeId);
  await shot(page, "console-reports");
  await page.goto("/admin/logs");
  await expect(page.getByText("tenant.suspended").first()).toBeVisible();
  await shot(page, "console-logs");

  // The support inbox: the S1 ticket, answered.
  await page.goto("/admin/tickets");
  await expect(page.getByRole("link", { name: "El bot no envía DMs" })).toBeVisible();
  await shot(page, "console-tickets");
  await page.getByRole("link", { name: "El bot no envía DMs" }).click();
  await page.locator("#reply").fill("Reconecta la página en Ajustes → Facebook, ya lo revisamos.");
  await page.getByRole("button", { name: /^(send|enviar)$/i }).click();
  await expect(page.getByTestId("ticket-thread")).toContainText("Reconecta la página");
  await shot(page, "console-ticket");
  await expectNoSeriousAxe(page, "ticket");

  // The seller: Billing (plan, trial, usage against the new limit, invoices) and Help with the reply.
  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await signInToDashboard(sellerPage, seller);
  await sellerPage.goto("/dashboard/billing");
  await expect(sellerPage.getByTestId("billing-status")).toHaveText(/trial|prueba/i);
  // Comments come first: the superadmin's override of 3 shows on the seller's page.
  await expect(sellerPage.locator('[data-testid^="usage-"]').first()).toContainText(/0 (of|de) 3/);
  await shot(sellerPage, "seller-billing");
  await expectNoSeriousAxe(sellerPage, "billing");
  await sellerPage.goto(`/dashboard/support?ticket=${ticketId}`);
  await expect(sellerPage.getByTestId("ticket-open")).toContainText("Reconecta la página");
  await sellerPage.locator("#reply").fill("¡Funcionó, gracias!");
  await sellerPage.getByRole("button", { name: /^(send|enviar)$/i }).click();
  await expect(sellerPage.getByTestId("ticket-thread")).toContainText("¡Funcionó, gracias!");
  await sellerPage.locator("#subject").fill("Pregunta de facturación");
  await sellerPage.locator("#body").fill("¿Cuándo se cobra la comisión?");
  await sellerPage.getByRole("button", { name: /send ticket|enviar ticket/i }).click();
  await expect(sellerPage.getByRole("link", { name: /Pregunta de facturación/ })).toBeVisible();
  await shot(sellerPage, "seller-support");
  await expectNoSeriousAxe(sellerPage, "support");
  await sellerContext.close();
});

test("the console and the billing page on a phone @phone", async ({ page, request, browser }) => {
  const seller = await createApiSeller(request, { name: `Tienda Móvil ${Date.now()}` });
  await signInAsSuperadmin(page);
  await shot(page, "console-overview-phone");
  await page.goto(`/admin/tenants?q=${encodeURIComponent(seller.email)}`);
  await expect(page.getByRole("link", { name: /Tienda Móvil/ })).toBeVisible();
  await shot(page, "console-tenants-phone");
  const sellerContext = await browser.newContext({ ...test.info().project.use });
  const sellerPage = await sellerContext.newPage();
  await signInToDashboard(sellerPage, seller);
  await sellerPage.goto("/dashboard/billing");
  await expect(sellerPage.getByTestId("billing-status")).toBeVisible();
  await shot(sellerPage, "seller-billing-phone");
  await sellerContext.close();
});
