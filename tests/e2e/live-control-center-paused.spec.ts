import { expect, test, type Locator, type Page } from "@playwright/test";
import { auth, comment, expectNoSeriousAxe, readySeller, sentFor, shot, signInToDashboard, startLive, type ApiSeller } from "./dashboard-helpers";

// Issue 11 items 9 and 10 in the Live Control Center: comments received while the bot is paused stay
// visible and can be processed when it is back on; the layout holds at 1440 px and on a 390 px phone in
// the longest languages (Portuguese, Arabic right to left) and Spanish; toasts stay off the message box
// and the feed's last row.

const row = (page: Page, text: string) => page.getByTestId("feed-row").filter({ hasText: text });

async function openLive(page: Page, seller: ApiSeller, liveId: string) {
  await page.goto(`/dashboard/live/${liveId}`);
  await expect(page.locator("#main").getByTestId("connection")).toHaveAttribute("data-state", "open");
}

async function setLocale(page: Page, locale: "es" | "pt" | "ar" | "en") {
  await page.context().addCookies([{ name: "lss_locale", value: locale, url: test.info().project.use.baseURL! }]);
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Nothing wider than the screen, and no KPI label or value cut or spilling out of its card. */
async function expectNoOverflow(page: Page) {
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pageOverflow, "page wider than the viewport").toBeLessThanOrEqual(0);
  const cut = await page.getByTestId("counters").locator("dt, dd").evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => {
        const card = el.parentElement!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return el.scrollWidth > el.clientWidth + 1 || r.right > card.right + 0.5 || r.left < card.left - 0.5 || getComputedStyle(el).textOverflow === "ellipsis";
      })
      .map((el) => el.textContent),
  );
  expect(cut, "KPI texts cut or overflowing").toEqual([]);
}

/** The visible toast itself (Radix also announces it in a visually hidden live region, which is not it). */
const toastBox = (page: Page, text: RegExp | string) => page.locator("ol[data-placement] > li").filter({ hasText: text });

async function expectToastClear(page: Page, toastText: RegExp | string, keepClear: Locator[]) {
  const toast = toastBox(page, toastText);
  await expect(toast).toBeVisible();
  const t = (await toast.boundingBox())!;
  for (const target of keepClear) {
    const b = await target.boundingBox();
    if (b) expect(overlaps(t, b), `toast over ${await target.evaluate((el) => el.outerHTML.slice(0, 60))}`).toBe(false);
  }
}

test("comments received while the bot is paused stay visible; turning it back on offers to process them, each exactly once", async ({ page, request }) => {
  test.setTimeout(150_000);
  const seller = await readySeller(request);
  const live = await startLive(request, seller, "Live en pausa");
  await signInToDashboard(page, seller);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openLive(page, seller, live.id);

  // Pause the bot; two buyers comment meanwhile.
  await page.getByRole("switch", { name: "Bot" }).click();
  await expect(page.getByTestId("kill-switch")).toHaveAttribute("data-bot", "off");
  await expect.poll(async () => (await (await request.get(`/api/v1/lives/${live.id}`, { headers: auth(seller) })).json()).bot_enabled).toBe(false);
  await comment(request, seller, live.id, "Pedro", "quiero 1 A13");
  await comment(request, seller, live.id, "Marta", "quiero 2 de la A12");
  for (const text of ["quiero 1 A13", "quiero 2 de la A12"]) {
    await expect(row(page, text)).toHaveAttribute("data-status", "PAUSED", { timeout: 5_000 });
    await expect(row(page, text).getByTestId("comment-status")).toHaveText("Received while paused");
  }
  await expect(page.getByTestId("paused-waiting")).toHaveText("Received while paused: 2");
  const listed = await (await request.get(`/api/v1/lives/${live.id}/comments`, { headers: auth(seller) })).json();
  expect(listed.map((c: { status: string }) => c.status)).toEqual(["PAUSED", "PAUSED"]);
  expect((await sentFor(request, seller, live.id)).filter((m) => m.status === "SENT")).toEqual([]);
  await shot(page, "lcc-paused-comments-desktop");

  // Back on: the app asks, with the count. "Without processing" leaves them marked and offers them again.
  await page.getByRole("switch", { name: "Bot" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Comments received while the bot was off: 2");
  await shot(page, "lcc-resume-dialog-desktop");
  await expectNoSeriousAxe(page, "lcc-resume-dialog");
  await dialog.getByRole("button", { name: "Turn on without processing" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("kill-switch")).toHaveAttribute("data-bot", "on");
  await page.waitForTimeout(1_000);
  await expect(row(page, "quiero 1 A13")).toHaveAttribute("data-status", "PAUSED");
  expect((await sentFor(request, seller, live.id)).filter((m) => m.status === "SENT")).toEqual([]);
  const banner = page.getByTestId("paused-banner");
  await expect(banner).toContainText("Received while the bot was off and not processed: 2");

  // A double click on "process" still processes each comment once.
  await banner.getByRole("button", { name: "Process them now" }).dblclick();
  await expect(toastBox(page, "Handed to the bot: 2")).toBeVisible();
  for (const text of ["quiero 1 A13", "quiero 2 de la A12"]) {
    await expect(row(page, text).getByTestId("dm-status")).toContainText("Sent", { timeout: 10_000 });
    await expect(row(page, text)).not.toHaveAttribute("data-status", "PAUSED");
  }
  await expect(banner).toBeHidden();
  await page.waitForTimeout(1_000);
  const sent = await sentFor(request, seller, live.id);
  const privateReplies = sent.filter((m) => m.kind === "PRIVATE_REPLY" && m.status === "SENT");
  expect(privateReplies).toHaveLength(2);
  expect(new Set(privateReplies.map((m) => m.comment_id)).size).toBe(2);
  const products = await (await request.get(`/api/v1/inventory/products?store_id=${seller.storeId}`, { headers: auth(seller) })).json();
  expect(products.find((p: { sku: string }) => p.sku === "A13").reserved).toBe(1);
  expect(products.find((p: { sku: string }) => p.sku === "A12").reserved).toBe(2);

  // The dialog's other choice turns the bot on and processes in one go.
  await page.getByRole("switch", { name: "Bot" }).click();
  await expect(page.getByTestId("kill-switch")).toHaveAttribute("data-bot", "off");
  await comment(request, seller, live.id, "Rosa", "quiero la B07");
  await expect(row(page, "quiero la B07")).toHaveAttribute("data-status", "PAUSED", { timeout: 5_000 });
  await expect(page.getByTestId("paused-waiting")).toHaveText("Received while paused: 1");
  await page.getByRole("switch", { name: "Bot" }).click();
  await expect(dialog).toContainText("Comments received while the bot was off: 1");
  await dialog.getByRole("button", { name: "Turn on and process them" }).click();
  await expect(row(page, "quiero la B07").getByTestId("dm-status")).toContainText("Sent", { timeout: 10_000 });
  await shot(page, "lcc-paused-processed-desktop");

  // Ending the live: the bot state says the live ended, not that the bot is answering.
  await page.getByRole("button", { name: "End live" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End live" }).click();
  await expect(page.getByTestId("kill-switch")).toHaveAttribute("data-bot", "off");
  await expect(page.locator("#bot-state")).toHaveText("Live ended — the bot is off");
  await expect(page.getByRole("switch", { name: "Bot" })).toBeDisabled();
  await expect(page.getByRole("switch", { name: "Bot" })).not.toBeChecked();
});

test("takeover: the pause toggle says what it does and what is true now; toasts stay off the message box and the feed", async ({ page, request }) => {
  test.setTimeout(120_000);
  const seller = await readySeller(request);
  const live = await startLive(request, seller, "Live con toma");
  await signInToDashboard(page, seller);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openLive(page, seller, live.id);
  for (let i = 0; i < 6; i++) await comment(request, seller, live.id, `Fan ${i}`, `hola desde la fila ${i}`);
  await comment(request, seller, live.id, "Lucía", "hola!! la polera azul viene en otros colores?");
  // Once the bot has read it (a question for the seller), the row knows its buyer.
  // A question about a catalog product is now answered from the catalog (issue 13): it settles as PROCESSED.
  await expect(row(page, "viene en otros colores")).toHaveAttribute("data-status", /^(NEEDS_REVIEW|PROCESSED)$/, { timeout: 10_000 });
  await row(page, "viene en otros colores").click();
  const panel = page.getByTestId("takeover");
  const toggle = panel.getByRole("switch", { name: "Pause the bot for Lucía" });
  await expect(toggle).not.toBeChecked();
  await expect(panel.getByTestId("buyer-pause-state")).toHaveText("The bot is answering Lucía.");
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(panel.getByTestId("buyer-pause-state")).toContainText("Paused: you are answering Lucía.");

  await panel.getByLabel("Message to Lucía").fill("¡Hola Lucía! Sí, también en negro 🖤");
  await panel.getByRole("button", { name: "Send" }).click();
  await expectToastClear(page, "Message sent", [panel.getByLabel("Message to Lucía"), panel.getByRole("button", { name: "Send" }), page.getByTestId("feed-row").last(), page.getByRole("switch", { name: "Bot", exact: true })]);
  await shot(page, "lcc-takeover-toast-desktop");
});

for (const locale of ["es", "pt", "ar"] as const) {
  test(`the Control Center at 1440 px in ${locale}: KPI labels fit, nothing overflows, axe clean`, async ({ page, request }) => {
    test.setTimeout(150_000);
    const seller = await readySeller(request);
    const live = await startLive(request, seller, "Live de verano");
    await signInToDashboard(page, seller);
    await setLocale(page, locale);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openLive(page, seller, live.id);
    await comment(request, seller, live.id, "Carla Pérez", "quiero 2 de la A12 porfa");
    await expect(row(page, "quiero 2 de la A12 porfa").getByTestId("dm-status")).toBeVisible({ timeout: 5_000 });
    await page.getByRole("switch").first().click();
    await expect(page.getByTestId("kill-switch")).toHaveAttribute("data-bot", "off");
    await comment(request, seller, live.id, "João", "eu quero a bolsa preta");
    await expect(row(page, "eu quero a bolsa preta")).toHaveAttribute("data-status", "PAUSED", { timeout: 5_000 });
    await expect(page.getByTestId("paused-waiting")).toBeVisible();
    if (locale === "ar") {
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      // Mirrored: the feed on the right, the tools on the left.
      const feed = (await page.getByTestId("comment-feed").boundingBox())!;
      const tabs = (await page.getByRole("tablist").boundingBox())!;
      expect(feed.x).toBeGreaterThan(tabs.x);
    }
    await expect(page.getByTestId("count-received")).toBeVisible();
    await expectNoOverflow(page);
    await shot(page, `lcc-${locale}-1440`);
    await page.getByRole("switch").first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoOverflow(page);
    await shot(page, `lcc-resume-dialog-${locale}-1440`);
    await expectNoSeriousAxe(page, `lcc-dialog-${locale}`);
    await page.getByTestId("resume-only").click();
    await expect(page.getByTestId("paused-banner")).toBeVisible();
    await expectNoSeriousAxe(page, `lcc-${locale}`);
    await shot(page, `lcc-paused-banner-${locale}-1440`);
  });

  test(`@phone the Control Center at 390 px in ${locale}: the feed first, counters folded below it, toasts clear`, async ({ page, request }) => {
    test.setTimeout(150_000);
    const seller = await readySeller(request);
    const live = await startLive(request, seller, "Live desde el móvil");
    await signInToDashboard(page, seller);
    await setLocale(page, locale);
    await page.setViewportSize({ width: 390, height: 844 });
    await openLive(page, seller, live.id);
    await comment(request, seller, live.id, "Ana", "quiero la B07");
    await expect(row(page, "quiero la B07").getByTestId("dm-status")).toBeVisible({ timeout: 5_000 });

    // The feed comes right after the header; the counters are one line below it until opened.
    const feed = (await page.getByTestId("comment-feed").boundingBox())!;
    const counters = (await page.getByTestId("counters").boundingBox())!;
    expect(feed.y).toBeLessThan(counters.y);
    expect(feed.y).toBeLessThan(844);
    await expect(page.getByTestId("count-received")).toBeHidden();
    await expectNoOverflow(page);
    await shot(page, `lcc-${locale}-390`);
    await page.getByTestId("counters-toggle").click();
    await expect(page.getByTestId("count-received")).toBeVisible();
    await expectNoOverflow(page);
    await shot(page, `lcc-counters-open-${locale}-390`);
    await expectNoSeriousAxe(page, `lcc-phone-${locale}`);

    // A toast (here: pausing the bot for Ana) never covers the message box or the feed's last row.
    await row(page, "quiero la B07").click();
    const panel = page.getByTestId("takeover");
    await panel.getByRole("switch").click();
    await expect(panel.getByRole("switch")).toBeChecked();
    const box = panel.locator("#takeover-message");
    await box.scrollIntoViewIfNeeded();
    await box.fill("hola");
    const send = page.locator("form:has(#takeover-message) button[type=submit]");
    await Promise.all([page.waitForResponse((r) => r.url().includes(`/messages`) && r.request().method() === "POST", { timeout: 30_000 }), send.click()]);
    const toast = toastBox(page, /.+/).first();
    await expect(toast).toBeVisible();
    expect(await page.locator("ol[data-placement]").getAttribute("data-placement")).toBe("top");
    const t = (await toast.boundingBox())!;
    const composer = (await box.boundingBox())!;
    expect(overlaps(t, composer), "toast over the message box").toBe(false);
    await shot(page, `lcc-takeover-toast-${locale}-390`);
  });
}
