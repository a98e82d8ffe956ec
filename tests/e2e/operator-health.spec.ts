import { createHmac } from "node:crypto";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { E2E_SECRETS } from "../../playwright.config";
import { expectNoSeriousAxe, shot } from "./dashboard-helpers";
import { signInAsSuperadmin } from "./superadmin-helpers";

// The operator's health view (console → Logs): the sweepers of stuck work and the webhook items set
// aside from a signed Meta delivery, in es, pt and ar (right-to-left), on a desktop and on a phone.

/** A signed delivery with one good comment and two poisoned ones (a NUL text, created_time 1e20). */
async function postPoisonedDelivery(request: APIRequestContext) {
  const tag = `e2e${Date.now().toString(36)}`;
  const change = (id: string, value: Record<string, unknown>) => ({ field: "feed", value: { item: "comment", verb: "add", comment_id: id, post_id: "900_1", from: { id: `u_${id}`, name: "Carla" }, message: "quiero A12", created_time: Math.floor(Date.now() / 1000), ...value } });
  const raw = Buffer.from(JSON.stringify({ object: "page", entry: [{ id: "900", time: Math.floor(Date.now() / 1000), changes: [change(`${tag}_ok`, {}), change(`${tag}_nul`, { message: "quiero\u0000A12" }), change(`${tag}_time`, { created_time: 1e20 })] }] }));
  const signature = `sha256=${createHmac("sha256", E2E_SECRETS.META_APP_SECRET).update(raw).digest("hex")}`;
  const res = await request.post("/api/webhooks/meta", { data: raw, headers: { "content-type": "application/json", "x-hub-signature-256": signature } });
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.json()).toMatchObject({ quarantined: 2 });
  return tag;
}

async function healthScreens(page: Page, context: BrowserContext, tag: string, device: "desktop" | "phone") {
  for (const locale of ["es", "pt", "ar"] as const) {
    await context.addCookies([{ name: "lss_locale", value: locale, url: test.info().project.use.baseURL! }]);
    // The sweepers run every few seconds in the background; their first run shows up within seconds.
    await expect(async () => {
      await page.goto("/admin/logs");
      await expect(page.getByTestId("sweeper-runs").locator("tbody tr").first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    const quarantine = page.getByTestId("webhook-quarantine");
    await expect(quarantine).toContainText(`${tag}_nul`);
    await expect(quarantine).toContainText("entry[0].changes[2].value.created_time");
    await shot(page, `operator-health-${locale}-${device}`);
    await expectNoSeriousAxe(page, `operator health ${locale} ${device}`);
  }
}

test("the operator sees the sweepers and the quarantined webhook items in es, pt and ar", async ({ page, request, context }) => {
  test.setTimeout(120_000);
  const tag = await postPoisonedDelivery(request);
  await signInAsSuperadmin(page);
  await healthScreens(page, context, tag, "desktop");
});

test("@phone the operator's health view on a phone in es, pt and ar", async ({ page, request, context }) => {
  test.setTimeout(120_000);
  const tag = await postPoisonedDelivery(request);
  await signInAsSuperadmin(page);
  await healthScreens(page, context, tag, "phone");
});
