import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { auth, expectNoSeriousAxe, readySeller, shot, signInToDashboard, type ApiSeller } from "./dashboard-helpers";

// Issue 11 items 1 and 11: the catalogue a seller builds in her first hour — keywords with one
// separator, the CSV template, errors she can act on, prices as money, variant names that stay put.

type Product = { sku: string; name: string; description: string; keywords: string[]; stock: number; color: string | null; size: string | null };

async function product(page: Page, seller: ApiSeller, sku: string): Promise<Product> {
  const res = await page.request.get(`/api/v1/inventory/products?store_id=${seller.storeId}&limit=500`, { headers: auth(seller) });
  return ((await res.json()) as Product[]).find((p) => p.sku === sku)!;
}

/** The hint isolates the name (FSI … PDI) so that it keeps its place in Arabic. */
const isolated = (before: string, value: string, after: string) => `${before}\u2068${value}\u2069${after}`;

async function chooseLocale(context: BrowserContext, locale: string) {
  await context.addCookies([{ name: "lss_locale", value: locale, url: test.info().project.use.baseURL! }]);
}

const fileInput = (page: Page) => page.locator('input[type="file"][name="csv"]');
const checkButton = (page: Page) => page.locator('button[type="submit"][value="check"]');

/** The template the page offers, as the seller downloads it. */
async function downloadTemplate(page: Page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-template").click()]);
  const path = await download.path();
  return { path, name: download.suggestedFilename(), text: await readFile(path, "utf8") };
}

test("the editor: colour and size are added to the name once, keywords keep one separator, a stock change keeps everything else", async ({ page, request, context }) => {
  const seller = await readySeller(request);
  await signInToDashboard(page, seller);
  await chooseLocale(context, "es");
  await page.goto("/dashboard/inventory");

  // B07 "Bolso negro": its colour "negro" is inferred from the name (issue 13), so the editor shows the base
  // name "Bolso"; the seller changes the colour and adds a size, saves, reopens, saves again.
  await page.getByRole("button", { name: "Editar B07" }).click();
  let dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Nombre")).toHaveValue("Bolso");
  await expect(dialog.getByText(/separadas por punto y coma \(;\) como en el CSV/)).toBeVisible();
  await dialog.getByLabel("Color 1").fill("Café");
  await dialog.getByLabel("Talla 1").fill("L");
  await expect(dialog.getByTestId("variant-name")).toHaveText(isolated("Se guarda como «", "Bolso Café L", "»"));
  await dialog.getByLabel("Palabras clave").fill("bolso, cartera; negro");
  await dialog.getByRole("button", { name: "Guardar producto" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await product(page, seller, "B07")).toMatchObject({ name: "Bolso Café L", color: "Café", size: "L", keywords: ["bolso", "cartera", "negro"] });

  await page.getByRole("button", { name: "Editar B07" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Nombre")).toHaveValue("Bolso");
  await expect(dialog.getByLabel("Palabras clave")).toHaveValue("bolso; cartera; negro");
  await dialog.getByRole("button", { name: "Guardar producto" }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole("button", { name: "Editar B07" }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByLabel("Stock 1").fill("6");
  await dialog.getByRole("button", { name: "Guardar producto" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await product(page, seller, "B07")).toMatchObject({ name: "Bolso Café L", stock: 6, keywords: ["bolso", "cartera", "negro"] });

  // A12 "Polera roja M" was saved with colour "rojo": the editor shows "Polera" and saving keeps the name.
  await page.getByRole("button", { name: "Editar A12" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Nombre")).toHaveValue("Polera");
  await expect(dialog.getByTestId("variant-name").first()).toHaveText(isolated("Se guarda como «", "Polera roja M", "»"));
  await dialog.getByRole("button", { name: "Guardar producto" }).click();
  await expect(dialog).toHaveCount(0);
  expect((await product(page, seller, "A12")).name).toBe("Polera roja M");

  // The −/+ buttons (stock_delta only) leave keywords and description alone.
  const before = await product(page, seller, "A12");
  await page.getByTestId("products-table").getByRole("button", { name: "Agregar una unidad de A12" }).click();
  await expect(page.getByTestId("products-table").getByLabel("Stock de A12")).toHaveValue(String(before.stock + 1));
  expect(await product(page, seller, "A12")).toEqual({ ...before, stock: before.stock + 1, available: before.stock + 1 });
});

test("the CSV import: no file says so, the template downloads and imports, prices show as money, a short line says what to do", async ({ page, request, context }) => {
  const seller = await readySeller(request);
  await signInToDashboard(page, seller);
  await chooseLocale(context, "es");
  await page.goto("/dashboard/inventory");

  await page.getByRole("button", { name: "Revisar archivo" }).click();
  await expect(page.getByTestId("csv-no-file")).toHaveText(/Primero elige un archivo CSV/);
  await expect(fileInput(page)).toHaveAttribute("aria-invalid", "true");

  await page.getByText("Cómo preparar el archivo").click();
  await expect(page.getByTestId("csv-guide")).toContainText("en CLP");
  const template = await downloadTemplate(page);
  expect(template.name).toBe("plantilla-catalogo.csv");
  const lines = template.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("sku,name,description,price,stock,keywords");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toBe('POL-ROJA-M,Polera roja M,"Algodón, corte recto",15990,10,polera;remera;roja');

  await fileInput(page).setInputFiles(template.path);
  await expect(page.getByTestId("csv-no-file")).toHaveCount(0);
  await page.getByRole("button", { name: "Revisar archivo" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("2 productos listos: 2 nuevos, 0 por actualizar.");
  await expect(preview.getByRole("row").nth(1)).toContainText(/\$\s?15\.990/);
  await expect(preview.getByRole("row").nth(2)).toContainText(/\$\s?24\.990/);
  await preview.getByRole("button", { name: "Importar 2 productos" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Se importaron 2 productos nuevos" })).toBeVisible();
  expect(await product(page, seller, "POL-ROJA-M")).toMatchObject({ description: "Algodón, corte recto", keywords: ["polera", "remera", "roja"] });

  await fileInput(page).setInputFiles({ name: "mio.csv", mimeType: "text/csv", buffer: Buffer.from("sku,name,description,price,stock,keywords\nA20,Polera,15990,10\n") });
  await page.getByRole("button", { name: "Revisar archivo" }).click();
  await expect(page.getByTestId("import-errors")).toContainText("Línea 2: Esta línea tiene 4 valores, pero el archivo tiene 6 columnas.");
  await expect(page.getByTestId("import-errors")).not.toContainText("Expected");
});

/** Editor, import preview and the no-file message in one language, looked at and checked with axe. */
async function catalogScreens(page: Page, context: BrowserContext, seller: ApiSeller, locale: "es" | "pt" | "ar", device: "desktop" | "phone") {
  await chooseLocale(context, locale);
  await page.goto("/dashboard/inventory");
  await expect(page.locator("html")).toHaveAttribute("lang", locale);

  await checkButton(page).click();
  await expect(page.getByTestId("csv-no-file")).toBeVisible();
  await page.getByTestId("csv-guide").locator("summary").click();
  await shot(page, `catalog-no-file-${locale}-${device}`);
  await expectNoSeriousAxe(page, `no-file-${locale}-${device}`);

  const template = await downloadTemplate(page);
  await fileInput(page).setInputFiles({ name: template.name, mimeType: "text/csv", buffer: Buffer.from(template.text) });
  await checkButton(page).click();
  await expect(page.getByTestId("import-preview")).toBeVisible();
  await expect(page.getByTestId("import-preview").getByText(/\$\s?15\.990/).filter({ visible: true })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, `catalog-import-preview-${locale}-${device}`);
  await expectNoSeriousAxe(page, `preview-${locale}-${device}`);

  await fileInput(page).setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("sku,name,description,price,stock,keywords\nA20,Polera,15990,10\nA21,Polera,,abc,1,x\n") });
  await checkButton(page).click();
  await expect(page.getByTestId("import-errors")).toBeVisible();
  await expect(page.getByTestId("import-errors")).not.toContainText("Expected");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, `catalog-import-errors-${locale}-${device}`);
  await expectNoSeriousAxe(page, `errors-${locale}-${device}`);

  await page.getByRole("button", { name: /^(Editar|تعديل) A12$/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("variant-name").first()).toBeVisible();
  await page.waitForTimeout(300); // the dialog's open animation
  await dialog.getByTestId("variant-name").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/screenshots/catalog-editor-${locale}-${device}.png` });
  await expectNoSeriousAxe(page, `editor-${locale}-${device}`);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "nothing wider than the screen").toBeLessThanOrEqual(0);
}

test("screens in es, pt and ar on the desktop, axe clean", async ({ page, request, context }) => {
  test.setTimeout(240_000);
  const seller = await readySeller(request);
  await signInToDashboard(page, seller);
  for (const locale of ["es", "pt", "ar"] as const) await catalogScreens(page, context, seller, locale, "desktop");
});

test("@phone screens in es, pt and ar on a phone, axe clean", async ({ page, request, context }) => {
  test.setTimeout(240_000);
  const seller = await readySeller(request);
  await signInToDashboard(page, seller);
  for (const locale of ["es", "pt", "ar"] as const) await catalogScreens(page, context, seller, locale, "phone");
});
