import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SECRETS = {
  META_APP_SECRET: "e2e-meta-app-secret",
  META_VERIFY_TOKEN: "e2e-verify-token",
  SANDBOX_PAYMENTS_SECRET: "e2e-sandbox-secret-0123456789",
  ADMIN_EMAIL: "admin@e2e.test",
  ADMIN_PASSWORD: "e2e-admin-password",
};

// Debian's Chromium, never a downloaded browser (no network here; `.ci/run` installs the package).
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/playwright",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: "off", screenshot: "only-on-failure" },
  projects: [
    // Tests tagged @phone run once, on the phone; everything else on the desktop.
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, grepInvert: /@phone/ },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, grep: /@phone/ },
  ],
  webServer: {
    // Always a fresh build and a fresh embedded database: the product exactly as `npm start` runs it.
    command: `rm -rf .data/e2e && npx next build && npx tsx scripts/run.ts start`,
    url: `http://127.0.0.1:${PORT}/health`,
    // A busy shared machine can need longer for the production build: E2E_BUILD_TIMEOUT_MS raises the limit.
    timeout: Number(process.env.E2E_BUILD_TIMEOUT_MS ?? 300_000),
    reuseExistingServer: false,
    stdout: "pipe",
    env: { ...E2E_SECRETS, PORT: String(PORT), APP_URL: `http://127.0.0.1:${PORT}`, LSS_DATA_DIR: ".data/e2e", NEXT_TELEMETRY_DISABLED: "1", RESERVATION_TTL_SECONDS: "1800", SIGNUPS_PER_IP_PER_HOUR: "1000" },
  },
});
