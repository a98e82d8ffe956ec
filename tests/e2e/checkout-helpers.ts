import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Building blocks for checkout end-to-end specs: a seller and catalog through the public API, an
// order through POST /api/v1/orders/create, and paying it with the built-in sandbox provider.

let n = 0;

export type ApiSeller = { token: string; storeId: string; email: string; password: string };

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["post"]>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what} failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A seller with one store (Chile, CLP, Spanish by default), created through the API. */
export async function createApiSeller(request: APIRequestContext, store: { name?: string; country?: string; currency?: string; locale?: string; timezone?: string } = {}): Promise<ApiSeller> {
  const email = `checkout.${Date.now()}.${n++}@example.com`;
  const password = "correct horse 42";
  await ok(await request.post("/api/v1/auth/register", { data: { email, password, full_name: "Ana Vendedora" } }), "register");
  const { access_token: token } = await ok<{ access_token: string }>(await request.post("/api/v1/auth/token", { data: { email, password } }), "token");
  const created = await ok<{ id: string }>(
    await request.post("/api/v1/stores", {
      headers: { authorization: `Bearer ${token}` },
      data: { name: store.name ?? "Tienda Ana", country: store.country ?? "CL", currency: store.currency ?? "CLP", locale: store.locale ?? "es-CL", timezone: store.timezone ?? "America/Santiago" },
    }),
    "create store",
  );
  // Test payments are opt-in per store: these sellers pay through the sandbox.
  await ok(await request.put(`/api/v1/stores/${created.id}/payments/sandbox`, { headers: { authorization: `Bearer ${token}` }, data: { enabled: true } }), "enable test payments");
  return { token, storeId: created.id, email, password };
}

export async function createProduct(request: APIRequestContext, seller: ApiSeller, product: { sku: string; name: string; price: number; stock: number; color?: string; size?: string; image_url?: string }) {
  return ok<{ id: string }>(await request.post("/api/v1/inventory/products", { headers: { authorization: `Bearer ${seller.token}` }, data: { store_id: seller.storeId, keywords: [], ...product } }), "create product");
}

export async function patchStore(request: APIRequestContext, seller: ApiSeller, data: Record<string, unknown>) {
  return ok(await request.patch(`/api/v1/stores/${seller.storeId}`, { headers: { authorization: `Bearer ${seller.token}` }, data }), "update store");
}

export async function configurePayments(request: APIRequestContext, seller: ApiSeller, provider: string, body: { enabled?: boolean; credentials?: Record<string, string> }) {
  return ok(await request.put(`/api/v1/stores/${seller.storeId}/payments/${provider}`, { headers: { authorization: `Bearer ${seller.token}` }, data: body }), `configure ${provider}`);
}

export type CreatedOrder = { order_id: string; payment_url: string; checkout_url: string; expires_at: string; status: string };

/** An order for a Facebook buyer via POST /api/v1/orders/create; `checkout_url` is the DM's link. */
export async function createCheckoutOrder(request: APIRequestContext, seller: ApiSeller, items: { sku: string; qty: number }[], opts: { customerFbId?: string; gateway?: string } = {}): Promise<CreatedOrder> {
  return ok<CreatedOrder>(
    await request.post("/api/v1/orders/create", {
      headers: { authorization: `Bearer ${seller.token}` },
      data: { store_id: seller.storeId, customer_fb_id: opts.customerFbId ?? `fb_${Date.now()}_${n++}`, items, ...(opts.gateway ? { gateway: opts.gateway } : {}) },
    }),
    "create order",
  );
}

/** The checkout link made relative to the server under test (APP_URL may name another host). */
export function checkoutPathOf(url: string, lang?: string): string {
  const u = new URL(url);
  if (lang) u.searchParams.set("lang", lang);
  return `${u.pathname}${u.search}`;
}

/**
 * From an open checkout page: choose the sandbox method, then "Pay" (or "Fail") on the sandbox page.
 * Ends on the checkout page showing the success (or failure) view. Language-independent selectors.
 */
export async function payWithSandbox(page: Page, { outcome = "success", onSandboxPage }: { outcome?: "success" | "failure"; onSandboxPage?: (page: Page) => Promise<void> } = {}) {
  await page.getByTestId("pay-sandbox").click();
  await expect(page).toHaveURL(/\/sandbox\/pay\//);
  await expect(page.getByTestId("sandbox-amount")).toBeVisible();
  if (onSandboxPage) await onSandboxPage(page);
  await page.getByTestId(outcome === "success" ? "sandbox-pay" : "sandbox-fail").click();
  await expect(page).toHaveURL(/\/checkout\//);
  await expect(page.getByTestId(outcome === "success" ? "checkout-success" : "checkout-failure")).toBeVisible();
}

/** No WCAG A/AA violations on the current page. */
export async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * Signs the browser out by dropping its cookies. The open page is left first: a dashboard's session
 * refresh still in flight would otherwise set the session cookie again after it was cleared.
 */
export async function signOutOfBrowser(page: Page) {
  await page.goto("about:blank");
  await page.context().clearCookies();
}

/** Signs the API-created seller into the dashboard through the login form. */
export async function signInToDashboard(page: Page, seller: ApiSeller) {
  await page.goto("/login");
  // Still signed in (a cookie set again after a sign-out) would redirect away: say so instead of timing out.
  await expect(page, "the sign-in form is shown (a signed-in browser is sent on)").toHaveURL(/\/login/);
  await page.getByLabel(/^(email|correo)$/i).fill(seller.email);
  await page.getByLabel(/^(password|contraseña)$/i).fill(seller.password);
  await page.getByRole("button", { name: /^(sign in|ingresar)$/i }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}
