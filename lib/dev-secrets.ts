import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

/** Secrets the embedded default generates once and keeps under `.data/` (never used in production). */
export type DevSecrets = {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
  META_APP_SECRET: string;
  META_VERIFY_TOKEN: string;
  SANDBOX_PAYMENTS_SECRET: string;
};

/** The secrets kept in `<dir>/secrets.json` (the data directory: processSettings().dataDir), created once. */
export function loadOrCreateDevSecrets(dir: string): DevSecrets {
  const file = join(dir, "secrets.json");
  const existing: Partial<DevSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets: DevSecrets = {
    AUTH_SECRET: existing.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: existing.ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    META_APP_SECRET: existing.META_APP_SECRET ?? randomBytes(16).toString("hex"),
    META_VERIFY_TOKEN: existing.META_VERIFY_TOKEN ?? `lss-verify-${randomBytes(6).toString("hex")}`,
    SANDBOX_PAYMENTS_SECRET: existing.SANDBOX_PAYMENTS_SECRET ?? randomBytes(24).toString("base64url"),
  };
  if (Object.keys(existing).length !== Object.keys(secrets).length) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
