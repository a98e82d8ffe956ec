import { expect, test } from "@playwright/test";
import { join } from "node:path";
import { signOutOfBrowser } from "./checkout-helpers";
import { signUpAndCreateStore } from "./helpers";
import { signInAsSuperadmin } from "./superadmin-helpers";

const fixtures = join(import.meta.dirname, "fixtures");

test("a new seller signs up, creates a store, sees a bad CSV refused, imports the catalog and sees the products", async ({ page }) => {
  await signUpAndCreateStore(page);
  await expect(page.getByTestId("current-store")).toHaveText("Tienda E2E");

  await page.getByLabel(/choose a csv file|elige un archivo csv/i).setInputFiles(join(fixtures, "catalog-bad.csv"));
  await page.getByRole("button", { name: /^(import|importar)$/i }).click();
  await expect(page.getByTestId("import-errors")).toContainText(/(line 3: the price cannot be negative|línea 3: el precio no puede ser negativo)/i);
  await expect(page.getByText(/no products yet|aún no hay productos/i)).toBeVisible();

  await page.getByLabel(/choose a csv file|elige un archivo csv/i).setInputFiles(join(fixtures, "catalog.csv"));
  await page.getByRole("button", { name: /^(import|importar)$/i }).click();
  const table = page.getByTestId("products-table");
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table).toContainText("Polera roja M");
  await expect(table).toContainText("Bolso negro");
  await expect(table).toContainText(/\$\s?39\.990/);
  await page.screenshot({ path: "test-results/screenshots/inventory-desktop.png", fullPage: true });

  await page.getByRole("link", { name: /overview|resumen/i }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/overview|resumen/i);
  await page.screenshot({ path: "test-results/screenshots/dashboard-desktop.png", fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/inventory");
  await expect(page.getByTestId("products-cards")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/inventory-phone.png", fullPage: true });
  await page.getByRole("button", { name: /menu|menú/i }).click();
  await expect(page.getByRole("link", { name: /orders|pedidos/i })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/dashboard-phone-menu.png" });
  await page.getByRole("button", { name: /menu|menú/i }).click();
  await page.goto("/dashboard");
  await page.screenshot({ path: "test-results/screenshots/dashboard-phone.png", fullPage: true });
});

test("signing out returns to sign-in and the dashboard is protected", async ({ page }) => {
  await signUpAndCreateStore(page, { storeName: "Otra tienda" });
  await page.getByRole("button", { name: /sign out|cerrar sesión/i }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a seller who is not a superadmin cannot open the admin panel; the superadmin can", async ({ page }) => {
  await signUpAndCreateStore(page, { storeName: "Sin admin" });
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(404);
  await signOutOfBrowser(page);
  // A superadmin lands on the admin panel (after the two-step verification every superadmin must use),
  // not on the seller's store wizard.
  await signInAsSuperadmin(page);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/platform admin|administración/i);
  await expect(page.getByText("Sin admin")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/admin-desktop.png", fullPage: true });
});

test("every response carries the security headers", async ({ request }) => {
  const res = await request.get("/login");
  const h = res.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Pages allow only scripts carrying this response's nonce (proxy.ts): no 'unsafe-inline' for scripts.
  const scriptSrc = h["content-security-policy"]!.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const html = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  expect(html).toContain(`nonce="${nonce}"`);
  // A fresh nonce per response.
  const again = (await request.get("/login")).headers()["content-security-policy"]!;
  expect(again).not.toContain(nonce);
  expect(h["strict-transport-security"]).toContain("max-age=");
  const api = await request.get("/api/v1/openapi.json");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
  const doc = await api.json();
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/auth/token", "/api/v1/inventory/import"]));
});
