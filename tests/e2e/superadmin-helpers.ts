import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { E2E_SECRETS } from "../../playwright.config";

// Every superadmin must use two-step verification (the console redirects to /mfa-setup until it is on).
// The e2e server's admin enrols the first time a spec signs in as them; the secret is kept beside the e2e
// database (.data/e2e, wiped with it at every server start) with the last TOTP step used, because a code
// cannot be used twice: each sign-in takes a step never used before (the server accepts ±1 step).

const STATE = path.join(process.cwd(), ".data/e2e/superadmin-mfa.json");
type State = { secret: string; lastStep: number; backupCodes: string[]; apiToken?: string };

const readState = (): State | null => (existsSync(STATE) ? (JSON.parse(readFileSync(STATE, "utf8")) as State) : null);
const writeState = (s: State) => writeFileSync(STATE, JSON.stringify(s));

/**
 * A second factor never used before: the current TOTP step if it is still free, else one of the backup
 * codes (so a sign-in right after another never waits for the next 30 s step), else the next step.
 */
async function freshCode(state: State): Promise<string> {
  const now = Math.floor(Date.now() / 30_000);
  if (now > state.lastStep) {
    writeState({ ...state, lastStep: now });
    return generate({ secret: state.secret, epoch: now * 30 + 1 });
  }
  const [backup, ...rest] = state.backupCodes;
  if (backup) {
    writeState({ ...state, backupCodes: rest });
    return backup;
  }
  const step = state.lastStep + 1;
  while (step > Math.floor(Date.now() / 30_000) + 1) await new Promise((r) => setTimeout(r, 1_000));
  writeState({ ...state, lastStep: step });
  return generate({ secret: state.secret, epoch: step * 30 + 1 });
}

/** Enrols on /mfa-setup (where the console sent us) and keeps the secret; returns the backup codes shown. */
export async function enrolOnMfaSetup(page: Page) {
  await expect(page).toHaveURL(/\/mfa-setup/);
  await page.getByTestId("mfa-status").waitFor();
  await page.getByRole("button", { name: /two-step|dos pasos|duas etapas|بخطوتين/i }).click();
  const secret = (await page.getByTestId("mfa-secret").textContent())!.trim();
  const step = Math.floor(Date.now() / 30_000);
  await page.locator("#mfa-code").fill(await generate({ secret, epoch: step * 30 + 1 }));
  await page.locator("#mfa-code").press("Enter");
  await expect(page.getByTestId("backup-codes")).toBeVisible();
  const backupCodes = (await page.getByTestId("backup-codes").locator("li").allTextContents()).map((c) => c.trim());
  writeState({ secret, lastStep: step, backupCodes });
  return backupCodes;
}

/**
 * Signs the e2e superadmin in through the form and lands on /admin: enrolling on the way the first time,
 * else with a fresh TOTP code. Returns whether this call did the enrolment.
 */
export async function signInAsSuperadmin(page: Page): Promise<{ enrolled: boolean }> {
  await page.goto("/login");
  await page.getByLabel(/^(email|correo)$/i).fill(E2E_SECRETS.ADMIN_EMAIL);
  await page.getByLabel(/^(password|contraseña)$/i).fill(E2E_SECRETS.ADMIN_PASSWORD);
  await page.getByRole("button", { name: /^(sign in|ingresar)$/i }).click();
  const state = readState();
  if (!state) {
    await enrolOnMfaSetup(page);
    await page.getByTestId("backup-codes").getByRole("button").last().click();
    await expect(page).toHaveURL(/\/admin$/);
    return { enrolled: true };
  }
  await expect(page.locator("#mfa_code")).toBeVisible();
  await page.locator("#mfa_code").fill(await freshCode(state));
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/admin$/);
  return { enrolled: false };
}

/** A Bearer token of the e2e superadmin (with a fresh TOTP code once they use two-step verification), reused while it works. */
export async function superadminToken(request: APIRequestContext): Promise<string> {
  const state = readState();
  if (state?.apiToken && (await request.get("/api/admin/analytics", { headers: { authorization: `Bearer ${state.apiToken}` } })).ok()) return state.apiToken;
  const data: Record<string, string> = { email: E2E_SECRETS.ADMIN_EMAIL, password: E2E_SECRETS.ADMIN_PASSWORD };
  if (state) data.mfa_code = await freshCode(state);
  const res = await request.post("/api/v1/auth/token", { data });
  expect(res.status(), await res.text()).toBe(200);
  const token = ((await res.json()) as { access_token: string }).access_token;
  const latest = readState();
  if (latest) writeState({ ...latest, apiToken: token });
  return token;
}
