import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { auth, expectNoSeriousAxe, readySeller, shot, signInToDashboard, startLive } from "./dashboard-helpers";

// Issue 22 item 2: while a Page's replies are held back under Meta's per-Page ceiling, the Live Control
// Center says how many wait and for how long. The shared send schedule of the Page (page_send_pacing, in
// the app's own embedded database) is set as a burst would leave it.

async function holdPageReplies(pageId: string, seconds: number) {
  const port = readFileSync(".data/e2e/pg-port", "utf8").trim();
  const db = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/livestreamsell` });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO page_send_pacing (bucket, tat, rate) VALUES ($1, clock_timestamp() + make_interval(secs => $2), 260)
       ON CONFLICT (bucket) DO UPDATE SET tat = EXCLUDED.tat, rate = EXCLUDED.rate`,
      [`${pageId}:send`, seconds],
    );
  } finally {
    await db.end();
  }
}

async function setLocale(page: Page, locale: "es" | "pt" | "ar" | "en") {
  await page.context().addCookies([{ name: "lss_locale", value: locale, url: test.info().project.use.baseURL! }]);
}

test("the Live Control Center shows replies paced under Meta's ceiling: how many wait and for how long, in es, pt and ar", async ({ page, request }) => {
  test.setTimeout(150_000);
  const seller = await readySeller(request);
  const live = await startLive(request, seller, "Live con ritmo");
  const store = await (await request.get(`/api/v1/stores/${seller.storeId}`, { headers: auth(seller) })).json();
  await signInToDashboard(page, seller);

  await page.setViewportSize({ width: 1440, height: 900 });
  await setLocale(page, "en");
  await page.goto(`/dashboard/live/${live.id}`);
  await expect(page.getByTestId("pacing-banner")).toHaveCount(0);

  await holdPageReplies(store.fb_page_id, 600);
  await page.reload();
  const banner = page.getByTestId("pacing-banner");
  await expect(banner).toContainText(/Replies paced: 15[0-9],[0-9]{3} waiting, ~(599|600) s/);
  await expect(banner).toHaveAttribute("role", "status");

  for (const [locale, text] of [["es", "Respuestas dosificadas"], ["pt", "Respostas em ritmo controlado"], ["ar", "الردود بوتيرة محددة"]] as const) {
    await setLocale(page, locale);
    for (const [width, height, device] of [[1440, 900, "desktop"], [390, 844, "phone"]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`/dashboard/live/${live.id}`);
      await expect(page.getByTestId("pacing-banner")).toContainText(text);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, "page wider than the viewport").toBeLessThanOrEqual(0);
      await shot(page, `lcc-pacing-${locale}-${device}`);
    }
  }
  await expectNoSeriousAxe(page, "lcc-pacing");
});
