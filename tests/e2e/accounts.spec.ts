import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { createApiSeller, createProduct, signInToDashboard, type ApiSeller } from "./checkout-helpers";
import { superadminToken } from "./superadmin-helpers";

// Accounts and security in a real browser: the emailed password reset (read from the admin mailbox, as a
// superadmin reads it without SMTP_URL), two-step verification with a TOTP computed here and with a
// backup code, what STAFF see, and the audit log. Screenshots: test-results/screenshots/accounts-*.png.

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The newest email to `to` with `template`, as the admin mailbox shows it (the job worker delivers it). */
async function latestEmail(request: APIRequestContext, to: string, subject: RegExp) {
  const token = await superadminToken(request);
  let id = "";
  await expect.poll(async () => {
    const res = await request.get(`/api/admin/emails?to=${encodeURIComponent(to)}`, { headers: bearer(token) });
    const { items } = (await res.json()) as { items: { id: string; subject: string; status: string }[] };
    const hit = items.find((e) => subject.test(e.subject) && e.status === "SENT");
    id = hit?.id ?? "";
    return id;
  }, { timeout: 20_000 }).not.toBe("");
  return (await (await request.get(`/api/admin/emails/${id}`, { headers: bearer(token) })).json()) as { text: string; html: string; subject: string };
}

async function signInWith(page: Page, email: string, password: string, code?: string) {
  await page.goto("/login");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("form button[type=submit]").click();
  if (code !== undefined) {
    await expect(page.locator("#mfa_code")).toBeVisible();
    await page.locator("#mfa_code").fill(code);
    await page.locator("form button[type=submit]").click();
  }
  await expect(page).toHaveURL(/\/dashboard/);
}

test("forgot password → the emailed link → a new password; the old one and old tokens stop working", async ({ page, request }) => {
  const seller = await createApiSeller(request);
  await page.goto("/login");
  await page.getByRole("link", { name: /forgot|olvidaste/i }).first().click();
  await expect(page).toHaveURL(/\/forgot-password/);
  await page.locator("#email").fill(seller.email);
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("forgot-sent")).toBeVisible();

  const mail = await latestEmail(request, seller.email, /(password|contraseña)/i);
  const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await page.locator("#password").fill("a brand new secret 7");
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("reset-done")).toBeVisible();

  expect((await request.get("/api/v1/stores", { headers: bearer(seller.token) })).status()).toBe(401);
  expect((await request.post("/api/v1/auth/token", { data: { email: seller.email, password: seller.password } })).status()).toBe(401);
  // The link worked once.
  const again = await request.post("/api/v1/auth/password/reset", { data: { token: new URL(link!).searchParams.get("token"), password: "another secret 8" } });
  expect(again.status()).toBe(422);
  await signInWith(page, seller.email, "a brand new secret 7");
});

test("two-step verification: enrol with a QR code, sign in with a TOTP code and with a backup code", async ({ page, request, context }) => {
  const seller = await createApiSeller(request);
  await signInToDashboard(page, seller);
  await page.goto("/dashboard/settings/security");
  await expect(page.getByTestId("mfa-status")).toBeVisible();
  await page.getByRole("button", { name: /two-step|dos pasos/i }).click();
  await expect(page.getByTestId("mfa-qr")).toBeVisible();
  const secret = (await page.getByTestId("mfa-secret").textContent())!.trim();
  await page.screenshot({ path: "test-results/screenshots/accounts-security-enrol.png", fullPage: true });
  await page.locator("#mfa-code").fill(await generate({ secret }));
  await page.locator("#mfa-code").press("Enter");
  await expect(page.getByTestId("backup-codes")).toBeVisible();
  const codes = (await page.getByTestId("backup-codes").locator("li").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await page.screenshot({ path: "test-results/screenshots/accounts-security-backup-codes.png", fullPage: true });

  // The API asks for the second factor too.
  const noCode = await request.post("/api/v1/auth/token", { data: { email: seller.email, password: seller.password } });
  expect(noCode.status()).toBe(401);
  expect(((await noCode.json()) as { error: { code: string } }).error.code).toBe("mfa_required");

  // Leave the dashboard first: its session refresh could set the cookie again after it was cleared.
  await page.goto("about:blank");
  await context.clearCookies();
  // The enrolment spent the current code (no replay): the next step's code signs in.
  await signInWith(page, seller.email, seller.password, await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  // Leave the dashboard first: its session refresh could set the cookie again after it was cleared.
  await page.goto("about:blank");
  await context.clearCookies();
  await signInWith(page, seller.email, seller.password, codes[0]);
  // A backup code works once.
  const reused = await request.post("/api/v1/auth/token", { data: { email: seller.email, password: seller.password, mfa_code: codes[0] } });
  expect(reused.status()).toBe(401);
  await page.goto("/dashboard/settings/security");
  await page.screenshot({ path: "test-results/screenshots/accounts-security-on.png", fullPage: true });
});

async function staffOf(request: APIRequestContext, owner: ApiSeller) {
  const staff = await createApiSeller(request, { name: "Tienda propia" });
  const invite = await request.post(`/api/v1/stores/${owner.storeId}/members`, { headers: bearer(owner.token), data: { email: staff.email } });
  expect(invite.status()).toBe(201);
  const token = decodeURIComponent(new URL(((await invite.json()) as { invite_url: string }).invite_url).pathname.split("/").pop()!);
  const joined = await request.post(`/api/v1/stores/${owner.storeId}/members/accept`, { headers: bearer(staff.token), data: { token } });
  expect(joined.status()).toBe(200);
  return staff;
}

test("STAFF see no price field, no import and no new product; a price change through the API is 403", async ({ page, request, context }) => {
  const owner = await createApiSeller(request);
  const product = await createProduct(request, owner, { sku: "A12", name: "Polera roja M", price: 15990, stock: 5 });
  const staff = await staffOf(request, owner);
  const priced = await request.patch(`/api/v1/inventory/products/${product.id}`, { headers: bearer(staff.token), data: { price: 1 } });
  expect(priced.status()).toBe(403);
  expect(((await priced.json()) as { error: { code: string } }).error.code).toBe("owner_required");
  const stock = await request.patch(`/api/v1/inventory/products/${product.id}`, { headers: bearer(staff.token), data: { stock: 9 } });
  expect(stock.status()).toBe(200);

  await signInToDashboard(page, staff);
  await context.addCookies([{ name: "lss_store", value: owner.storeId, url: page.url() }]);
  await page.goto("/dashboard/inventory");
  const row = page.locator(`[data-sku="A12"]:visible`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: /edit|editar/i }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page.locator("#p-name")).toBeVisible();
  await expect(page.locator("#p-price")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /new product|nuevo producto/i })).toHaveCount(0);
});

test("Settings → Audit shows a price change with before and after", async ({ page, request }) => {
  const owner = await createApiSeller(request);
  const product = await createProduct(request, owner, { sku: "B7", name: "Bolso negro", price: 15990, stock: 5 });
  expect((await request.patch(`/api/v1/inventory/products/${product.id}`, { headers: bearer(owner.token), data: { price: 12990 } })).status()).toBe(200);
  await signInToDashboard(page, owner);
  await page.goto("/dashboard/settings/audit");
  const row = page.locator('[data-testid="audit-row"][data-action="product.price_changed"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("B7");
  await expect(row.getByTestId("audit-price_minor")).toContainText(/15[.,]990/);
  await expect(row.getByTestId("audit-price_minor")).toContainText(/12[.,]990/);
  await page.screenshot({ path: "test-results/screenshots/accounts-audit.png", fullPage: true });
});
