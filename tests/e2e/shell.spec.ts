import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { signInAsSuperadmin } from "./superadmin-helpers";
import { checkoutPathOf, createCheckoutOrder, payWithSandbox, signOutOfBrowser } from "./checkout-helpers";
import { auth, expectNoSeriousAxe, readySeller, shot, signInToDashboard, startLive, type ApiSeller } from "./dashboard-helpers";

// The frame around every screen (issue 11, items 8, 13, 14, 15): where people land after signing in, the
// 404 page, team invitations, phone widths, Arabic, plurals, empty charts, language and password help on
// the sign-in pages. Screenshots: test-results/screenshots/shell-*.png (es, pt, ar; 1440 px and 390 px).

const LOCALES = ["es", "pt", "ar"] as const;
type Locale = (typeof LOCALES)[number];
let n = 0;
const newEmail = (tag: string) => `shell.${tag}.${Date.now()}.${n++}@example.com`;

async function chooseLocale(context: BrowserContext, locale: string) {
  await context.addCookies([{ name: "lss_locale", value: locale, url: test.info().project.use.baseURL! }]);
}

/** Opens a page and waits until its main heading is there (client lists fill in right after mount). */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForTimeout(250);
}

/** What sticks out sideways: the page's scroll width and the widest offenders, for a readable failure. */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scroll = document.documentElement.scrollWidth;
    if (scroll <= width) return null;
    const offenders = [...document.querySelectorAll("body *")]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.right > width + 1 || r.left < -1))
      .slice(0, 5)
      .map(({ el, r }) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")} [${Math.round(r.left)}..${Math.round(r.right)}]`);
    return { scroll, width, offenders };
  });
}

/** A seller with products, a live, a pending order and a paid order of one unit (so charts and top products have data). */
async function sellerWithSales(page: Page, request: APIRequestContext) {
  const seller = await readySeller(request);
  const live = await startLive(request, seller, "Live de invierno");
  const pending = await createCheckoutOrder(request, seller, [{ sku: "A13", qty: 2 }]);
  const paid = await createCheckoutOrder(request, seller, [{ sku: "B07", qty: 1 }]);
  await page.goto(checkoutPathOf(paid.checkout_url, "es"));
  await payWithSandbox(page);
  return { seller, live, pending, paid };
}

/** The superadmin signs in (two-step verification is required for them: see superadmin-helpers.ts). */
async function signInAsAdmin(page: Page) {
  await signInAsSuperadmin(page);
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("@phone nothing is wider than the screen: every dashboard page, admin, API docs, checkout and the public pages, in es, pt and ar", async ({ page, request, context, browser }) => {
    test.setTimeout(900_000); // 51 page loads and screenshots
    const { seller, live, pending } = await sellerWithSales(page, request);
    await signInToDashboard(page, seller);
    const admin = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const adminPage = await admin.newPage();
    await signInAsAdmin(adminPage);
    await expect(adminPage).toHaveURL(/\/admin$/);
    const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const visitor = await anonymous.newPage();

    const seen: string[] = [];
    const wide: string[] = [];
    for (const locale of LOCALES) {
      for (const ctx of [context, admin, anonymous]) await chooseLocale(ctx, locale);
      const screens: [Page, string, string][] = [
        [page, "overview", "/dashboard?range=today"], // the hourly chart's screen-reader table once made this 455 px wide
        [page, "lives", "/dashboard/live"],
        [page, "live-control-center", `/dashboard/live/${live.id}`],
        [page, "inventory", "/dashboard/inventory"],
        [page, "orders", "/dashboard/orders?status=all"],
        [page, "order-detail", `/dashboard/orders/${pending.order_id}`],
        [page, "settings", "/dashboard/settings"],
        [page, "payments", "/dashboard/settings/payments"],
        [page, "onboarding", "/dashboard/onboarding?step=profile"],
        [page, "simulator", "/dashboard/simulator"],
        [page, "api-docs", "/docs/api"],
        [visitor, "checkout", checkoutPathOf(pending.checkout_url, locale)],
        [adminPage, "admin", "/admin"],
        [visitor, "sign-in", "/login"],
        [visitor, "sign-up", "/signup"],
        [visitor, "forgot-password", "/forgot-password"],
        [visitor, "not-found", "/no-such-page"],
      ];
      for (const [p, name, path] of screens) {
        await open(p, path);
        const over = await horizontalOverflow(p);
        if (over) wide.push(`${locale} ${name} (${path}): ${over.scroll}px > ${over.width}px: ${over.offenders.join(", ")}`);
        // The API reference is ~60,000 px tall on a phone: its first screen is enough to look at.
        if (name === "api-docs") await p.screenshot({ path: `test-results/screenshots/shell-${name}-${locale}-phone.png` });
        else await shot(p, `shell-${name}-${locale}-phone`);
        seen.push(`${locale} ${name}`);
      }
    }
    expect(wide).toEqual([]);
    expect(seen).toHaveLength(LOCALES.length * 17);
    await admin.close();
    await anonymous.close();
  });
});

test.describe("at 1440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("a signed-out invitee opens the link, sees who invited them to which store, signs up and lands in the store as STAFF", async ({ request, browser }) => {
    const owner = await readySeller(request);
    await patchName(request, owner, "Tienda Sol");
    const invited = newEmail("staff");
    const res = await request.post(`/api/v1/stores/${owner.storeId}/members`, { headers: auth(owner), data: { email: invited } });
    expect(res.status(), await res.text()).toBe(201);
    const { invite_url } = (await res.json()) as { invite_url: string };
    expect(new URL(invite_url).pathname).toMatch(/^\/invite\/[\w-]{20,}$/);

    const guest = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const invitee = await guest.newPage();
    await chooseLocale(guest, "es");
    await invitee.goto(new URL(invite_url).pathname);
    await expect(invitee).toHaveURL(/\/signup\?invite=/);
    const card = invitee.getByTestId("invitation");
    await expect(card).toContainText("Ana Vendedora te invitó a unirte a Tienda Sol como Staff");
    await expect(invitee.getByLabel("Correo")).toHaveValue(invited);
    await shot(invitee, "shell-invitation-sign-up-es-desktop");
    await expectNoSeriousAxe(invitee, "sign-up with invitation");
    await invitee.getByLabel("Nombre completo").fill("Bruno Staff");
    await invitee.getByLabel("Contraseña").fill("correct horse 42");
    await invitee.getByRole("button", { name: "Crear cuenta" }).click();

    await expect(invitee).toHaveURL(/\/dashboard$/);
    await expect(invitee.getByTestId("current-store")).toHaveText("Tienda Sol");
    await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Resumen");
    const team = await request.get(`/api/v1/stores/${owner.storeId}/members`, { headers: auth(owner) });
    const members = ((await team.json()) as { members: { email: string; role: string }[] }).members;
    expect(members.find((m) => m.email === invited)?.role).toBe("STAFF");
    await guest.close();
  });

  test("an invitee with an account signs in from the invitation and joins; a used link says so", async ({ request, browser }) => {
    const owner = await readySeller(request);
    const member = await readySeller(request); // already has an account (and a store of their own)
    const res = await request.post(`/api/v1/stores/${owner.storeId}/members`, { headers: auth(owner), data: { email: member.email } });
    const { invite_url } = (await res.json()) as { invite_url: string };
    const guest = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const p = await guest.newPage();
    await chooseLocale(guest, "pt");
    await p.goto(new URL(invite_url).pathname);
    await p.getByRole("link", { name: "Entrar" }).click();
    await expect(p).toHaveURL(/\/login\?invite=/);
    await expect(p.getByTestId("invitation")).toContainText("Tienda Ana");
    await shot(p, "shell-invitation-sign-in-pt-desktop");
    await p.getByLabel("Senha").fill(member.password);
    await p.getByRole("button", { name: "Entrar" }).click();
    await expect(p).toHaveURL(/\/dashboard$/);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText("Visão geral");
    const store = await request.get(`/api/v1/stores/${owner.storeId}`, { headers: auth(member) });
    expect(((await store.json()) as { role: string }).role).toBe("STAFF");

    await p.goto(new URL(invite_url).pathname);
    await expect(p.getByTestId("invitation-invalid")).toBeVisible();
    await guest.close();
  });

  test("leaving a store asks in the app's dialog, and the only owner is not offered to leave", async ({ page, request, browser }) => {
    const owner = await readySeller(request);
    await patchName(request, owner, "Tienda Luna");
    const res = await request.post(`/api/v1/stores/${owner.storeId}/members`, { headers: auth(owner), data: { email: newEmail("leaver") } });
    const { invite_url } = (await res.json()) as { invite_url: string };
    const token = new URL(invite_url).pathname.split("/").pop()!;
    const staff = await readySeller(request);
    expect((await request.post(`/api/v1/stores/${owner.storeId}/members/accept`, { headers: auth(staff), data: { token } })).status()).toBe(200);

    await signInToDashboard(page, owner);
    await page.goto("/dashboard/settings");
    const rows = page.getByTestId("members").getByRole("listitem");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "(you)" }).getByRole("button", { name: "Leave store" })).toHaveCount(0);

    const staffContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const sp = await staffContext.newPage();
    let nativeDialogs = 0;
    sp.on("dialog", (d) => {
      nativeDialogs++;
      void d.dismiss();
    });
    await signInToDashboard(sp, staff);
    await staffContext.addCookies([{ name: "lss_store", value: owner.storeId, url: test.info().project.use.baseURL! }]);
    await sp.goto("/dashboard/settings");
    await sp.getByRole("button", { name: "Leave store" }).click();
    const dialog = sp.getByRole("dialog");
    await expect(dialog).toContainText("Leave Tienda Luna?");
    await shot(sp, "shell-leave-dialog-en-desktop");
    await expectNoSeriousAxe(sp, "leave dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await sp.getByRole("button", { name: "Leave store" }).click();
    await sp.getByRole("dialog").getByRole("button", { name: "Leave store" }).click();
    await expect(sp).toHaveURL(/\/dashboard$/);
    await expect(sp.getByTestId("current-store")).toHaveText("Tienda Ana"); // back in their own store
    expect(nativeDialogs).toBe(0);
    const left = await request.get(`/api/v1/stores/${owner.storeId}`, { headers: auth(staff) });
    expect(left.status()).toBe(404);
    await staffContext.close();
  });

  test("a superadmin lands on /admin after signing in", async ({ page }) => {
    await signInAsAdmin(page);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // and a signed-in superadmin opening the sign-in page or the home page goes there too
    await page.goto("/login");
    await expect(page).toHaveURL(/\/admin$/);
  });

  test("the 404 page is branded and translated, and leads home when signed out and to the dashboard when signed in", async ({ page, request, context }) => {
    for (const [locale, title, home] of [["es", "No encontramos esta página", "Ir al inicio"], ["pt", "Não encontramos esta página", "Ir para o início"], ["ar", "لم نجد هذه الصفحة", "الذهاب إلى الصفحة الرئيسية"]] as const) {
      await chooseLocale(context, locale);
      const res = await page.goto("/no-such-page");
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByTestId("not-found-back")).toHaveText(home);
      await expect(page.getByTestId("not-found-back")).toHaveAttribute("href", "/");
      await shot(page, `shell-not-found-${locale}-desktop`);
      await expectNoSeriousAxe(page, `404 ${locale}`);
    }
    const seller = await readySeller(request);
    await chooseLocale(context, "en");
    await signInToDashboard(page, seller);
    await page.goto("/admin"); // not a superadmin: the admin panel does not exist for them
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find this page");
    await page.getByTestId("not-found-back").click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("sign-in and sign-up offer a language switcher and a 'forgot password' page in the chosen language", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Language").selectOption("pt");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bem-vindo de volta");
    await page.getByRole("link", { name: "Esqueceu a senha?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Esqueceu sua senha?");
    await page.getByLabel("Idioma").selectOption("ar");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("نسيت كلمة المرور؟");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.getByRole("link", { name: "العودة إلى تسجيل الدخول" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/signup");
    await expect(page.getByRole("link", { name: "نسيت كلمة المرور؟" })).toBeVisible();
    await expect(page.getByLabel("اللغة")).toHaveValue("ar");
  });

  test("the overview: '1 vendido', charts say 'no data yet' instead of an empty axis, no 'import your catalog' once there is one, Arabic charts run right to left", async ({ page, request, context }) => {
    test.setTimeout(180_000);
    const fresh = await readySeller(request);
    await signInToDashboard(page, fresh);
    await chooseLocale(context, "es");
    await page.goto("/dashboard?range=7d");
    await expect(page.getByTestId("chart-empty")).toHaveCount(2);
    await expect(page.getByTestId("chart-empty").first()).toContainText("Aún no hay datos en este período.");
    await expect(page.getByTestId("overview-empty")).not.toContainText("Importa tu catálogo");

    await signOutOfBrowser(page);
    const { seller } = await sellerWithSales(page, request);
    await signInToDashboard(page, seller);
    for (const locale of LOCALES) {
      await chooseLocale(context, locale);
      await page.goto("/dashboard?range=7d");
      await expect(page.getByTestId("chart-empty")).toHaveCount(0);
      await shot(page, `shell-overview-${locale}-desktop`);
      await expectNoSeriousAxe(page, `overview ${locale}`);
    }
    await chooseLocale(context, "es");
    await page.goto("/dashboard?range=7d");
    await expect(page.getByTestId("top-products")).toContainText("1 vendido");
    await expect(page.getByTestId("top-products")).not.toContainText("1 vendidos");
    const todayX = async () => {
      const bars = page.locator("figure svg").first().locator("rect");
      const boxes = await bars.evaluateAll((rs) => rs.map((r) => ({ x: Number(r.getAttribute("x")), h: Number(r.getAttribute("height")) })));
      return boxes.filter((b) => b.h > 0).pop()!.x; // the last bucket (today) holds the sale
    };
    expect(await todayX()).toBeGreaterThan(320); // left to right: today is the rightmost bar
    await chooseLocale(context, "ar");
    await page.goto("/dashboard?range=7d");
    expect(await todayX()).toBeLessThan(320); // right to left: today is the leftmost bar
    await expect(page.getByTestId("top-products")).toContainText("بيعت قطعة واحدة");
  });

  test("onboarding and settings name countries and time zones in the reader's language", async ({ page, request, context }) => {
    test.setTimeout(180_000);
    const seller = await readySeller(request);
    await signInToDashboard(page, seller);
    for (const [locale, country, zone] of [["es", "Chile", "hora de Chile (Santiago)"], ["pt", "Chile", "Horário do Chile (Santiago)"], ["ar", "تشيلي", "توقيت تشيلي (Santiago)"]] as const) {
      await chooseLocale(context, locale);
      await open(page, "/dashboard/settings");
      const profile = page.locator("#profile");
      await expect(profile.locator("select").first().locator("option:checked")).toHaveText(country);
      await expect.poll(async () => (await profile.locator("#timezone option:checked").textContent())?.replace(/[\u2068\u2069]/g, "")).toBe(zone);
      await shot(page, `shell-settings-${locale}-desktop`);
      await expectNoSeriousAxe(page, `settings ${locale}`);
      await open(page, "/dashboard/onboarding?step=profile");
      await expect(page.locator("#timezone option:checked")).not.toHaveText("America/Santiago");
      await shot(page, `shell-onboarding-${locale}-desktop`);
    }
  });

  test("screens touched, at 1440 px in es, pt and ar, are axe-clean", async ({ page, context }) => {
    test.setTimeout(300_000);
    for (const locale of LOCALES) {
      await chooseLocale(context, locale);
      for (const [name, path] of [["sign-in", "/login"], ["sign-up", "/signup"], ["forgot-password", "/forgot-password"]] as const) {
        await open(page, path);
        await shot(page, `shell-${name}-${locale}-desktop`);
        await expectNoSeriousAxe(page, `${name} ${locale}`);
      }
      // The API reference is one very long page: its first screen is enough to look at.
      await open(page, "/docs/api");
      await page.screenshot({ path: `test-results/screenshots/shell-api-docs-${locale}-desktop.png` });
    }
    await expectNoSeriousAxe(page, "api-docs ar");
  });
});

async function patchName(request: APIRequestContext, seller: ApiSeller, name: string) {
  const res = await request.patch(`/api/v1/stores/${seller.storeId}`, { headers: auth(seller), data: { name } });
  expect(res.status(), await res.text()).toBe(200);
}

export type { Locale };
