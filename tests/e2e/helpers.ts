import { expect, type Page } from "@playwright/test";

let n = 0;
export function newEmail() {
  return `e2e.${Date.now()}.${n++}@example.com`;
}

export async function signUpAndCreateStore(page: Page, { storeName = "Tienda E2E", email = newEmail() } = {}) {
  await page.goto("/signup");
  await page.getByLabel(/full name|nombre completo/i).fill("Ana Vendedora");
  await page.getByLabel(/^(email|correo)$/i).fill(email);
  await page.getByLabel(/^(password|contraseña)$/i).fill("correct horse 42");
  await page.getByRole("button", { name: /create account|crear cuenta/i }).click();
  await expect(page).toHaveURL(/\/dashboard\/onboarding/);
  await page.getByLabel(/store name|nombre de la tienda/i).fill(storeName);
  await page.getByRole("button", { name: /create store|crear tienda/i }).click();
  // The wizard continues with the Facebook Page step; these specs go straight to the catalog.
  await expect(page).toHaveURL(/\/dashboard\/onboarding\?step=page/);
  await page.goto("/dashboard/inventory");
  return { email };
}
