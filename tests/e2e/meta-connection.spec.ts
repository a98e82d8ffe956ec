import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { auth, expectNoSeriousAxe, readySeller, shot, signInToDashboard, type ApiSeller } from "./dashboard-helpers";

// Issue 18: the live-video picker on the lives page (the Page's videos read from Meta — here the
// built-in fake Graph, fed through the simulator), the Live Control Center's Meta banners (webhook
// silent, disconnected) and the Facebook banner every dashboard page shows (disconnected, permissions
// missing, access ending soon). The connection's state is set in the app's embedded database as Meta's
// answers (error 190, debug_token) would leave it. Desktop 1440 px and phone 390 px, es and ar.

async function sql(query: string, params: unknown[]) {
  const port = readFileSync(".data/e2e/pg-port", "utf8").trim();
  const db = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/livestreamsell` });
  await db.connect();
  try {
    await db.query(query, params);
  } finally {
    await db.end();
  }
}

async function setLocale(page: Page, locale: "es" | "ar") {
  await page.context().addCookies([{ name: "lss_locale", value: locale, url: test.info().project.use.baseURL! }]);
}

const banner = (page: Page) => page.getByTestId("meta-status-banner");

async function expectNoHorizontalOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), "page wider than the viewport").toBeLessThanOrEqual(0);
}

async function walkThrough(page: Page, seller: ApiSeller, locale: "es" | "ar", device: "desktop" | "phone") {
  const request = page.request;
  await signInToDashboard(page, seller);
  await setLocale(page, locale);
  for (const [title, status] of [["Viernes de ofertas", "scheduled"], ["Liquidación de invierno", "live"]] as const) {
    const res = await request.post("/api/dev/simulator/live-video", { headers: auth(seller), data: { store_id: seller.storeId, title, status } });
    expect(res.status(), await res.text()).toBe(201);
  }

  // The picker: the Page's live video first, then the scheduled one.
  await page.goto("/dashboard/live");
  const options = page.getByTestId("live-video-option");
  await expect(options).toHaveCount(2);
  await expect(options.first()).toContainText("Liquidación de invierno");
  await expect(options.nth(1)).toContainText("Viernes de ofertas");
  await expect(banner(page)).toHaveCount(0);
  await expectNoHorizontalOverflow(page);
  await shot(page, `meta-picker-${locale}-${device}`);
  await expectNoSeriousAxe(page, `picker ${locale} ${device}`);

  await options.first().getByRole("button").click();
  await page.waitForURL(/\/dashboard\/live\/[^/]+$/);
  const liveId = new URL(page.url()).pathname.split("/").pop()!;
  const live = await (await request.get(`/api/v1/lives/${liveId}`, { headers: auth(seller) })).json();
  expect(live).toMatchObject({ status: "active", bot_enabled: true, title: "Liquidación de invierno" });

  // Two comments only reading the live found, none from the webhook in the last minute: Meta's delivery is interrupted.
  for (const n of [1, 2]) {
    await sql(`INSERT INTO comments (id, "storeId", "liveId", "metaCommentId", "postId", "authorId", text, "createdTime", recovered, status) VALUES (gen_random_uuid()::text, $1, $2, $3, $4, '555', 'hola', now(), true, 'PROCESSED')`, [seller.storeId, liveId, `${live.fb_video_id}_rec${n}${Date.now()}`, live.fb_post_id]);
  }
  await page.reload();
  await expect(page.getByTestId("webhook-silent-banner")).toBeVisible();
  // Meta revoked the Page token (error 190).
  await sql(`UPDATE meta_connections SET "disconnectedAt" = now(), "disconnectReason" = 'e2e' WHERE "storeId" = $1`, [seller.storeId]);
  await page.reload();
  await expect(page.getByTestId("disconnected-banner")).toBeVisible();
  await expect(page.getByTestId("disconnected-banner").getByRole("link")).toHaveAttribute("href", "/dashboard/onboarding?step=page");
  // The Control Center's own live banner says it: the dashboard-wide one stays out of its way here.
  await expect(banner(page)).toHaveCount(0);
  await expectNoHorizontalOverflow(page);
  await shot(page, `meta-lcc-banners-${locale}-${device}`);
  await expectNoSeriousAxe(page, `lcc banners ${locale} ${device}`);

  // Every other dashboard page: disconnected, with the one-click reconnect.
  await page.goto("/dashboard/orders");
  await expect(banner(page)).toHaveAttribute("data-kind", "disconnected");
  await expect(banner(page).getByRole("link")).toHaveAttribute("href", "/dashboard/onboarding?step=page");
  if (locale === "es") await expect(banner(page)).toContainText("Facebook desconectó");
  await expectNoHorizontalOverflow(page);
  await shot(page, `meta-banner-disconnected-${locale}-${device}`);
  await expectNoSeriousAxe(page, `banner disconnected ${locale} ${device}`);

  // Reconnected, but a permission went missing (debug_token scopes).
  await sql(`UPDATE meta_connections SET "disconnectedAt" = NULL, "missingPermissions" = ARRAY['pages_messaging'] WHERE "storeId" = $1`, [seller.storeId]);
  await page.goto("/dashboard");
  await expect(banner(page)).toHaveAttribute("data-kind", "missing_permissions");
  await expect(banner(page)).toContainText("pages_messaging");
  await shot(page, `meta-banner-permissions-${locale}-${device}`);

  // All permissions back; the access ends in three days (debug_token data_access_expires_at).
  await sql(`UPDATE meta_connections SET "missingPermissions" = '{}', "dataAccessExpiresAt" = now() + interval '3 days' WHERE "storeId" = $1`, [seller.storeId]);
  await page.goto("/dashboard/inventory");
  await expect(banner(page)).toHaveAttribute("data-kind", "expiring");
  if (locale === "es") await expect(banner(page)).toContainText("vence el");
  await expectNoHorizontalOverflow(page);
  await shot(page, `meta-banner-expiring-${locale}-${device}`);
  await expectNoSeriousAxe(page, `banner expiring ${locale} ${device}`);

  // A month away again: no banner.
  await sql(`UPDATE meta_connections SET "dataAccessExpiresAt" = now() + interval '60 days' WHERE "storeId" = $1`, [seller.storeId]);
  await page.goto("/dashboard/inventory");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
}

for (const locale of ["es", "ar"] as const) {
  test(`the live-video picker and the Facebook banners on the desktop (${locale})`, async ({ page, request }) => {
    test.setTimeout(180_000);
    const seller = await readySeller(request);
    await page.setViewportSize({ width: 1440, height: 900 });
    await walkThrough(page, seller, locale, "desktop");
  });

  test(`the live-video picker and the Facebook banners on a phone (${locale}) @phone`, async ({ page, request }) => {
    test.setTimeout(180_000);
    const seller = await readySeller(request);
    await page.setViewportSize({ width: 390, height: 844 });
    await walkThrough(page, seller, locale, "phone");
  });
}
