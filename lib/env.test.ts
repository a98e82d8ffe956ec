import { describe, expect, test } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { EnvError, parseEnv, processSettings } from "./env";
import { loadOrCreateDevSecrets } from "./dev-secrets";

const secrets = {
  AUTH_SECRET: "a".repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
  META_APP_SECRET: "meta-app-secret",
  META_VERIFY_TOKEN: "verify",
  SANDBOX_PAYMENTS_SECRET: "s".repeat(20),
};

describe("typed environment", () => {
  test("production refuses to start without its secrets and names every missing one", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://x/y" })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://x/y", AUTH_SECRET: secrets.AUTH_SECRET })).toThrow(/ENCRYPTION_KEY, META_APP_SECRET, META_VERIFY_TOKEN, SANDBOX_PAYMENTS_SECRET/);
  });

  test("production with every secret parses, with defaults filled in", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://x/y", PORT: "4000", ...secrets });
    expect(env).toMatchObject({ APP_URL: "http://localhost:4000", RESERVATION_TTL_SECONDS: 1800, META_GRAPH_API_URL: "https://graph.facebook.com/v24.0", LOCAL_JOBS: "1" });
  });

  test("a malformed value is refused with the variable named", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://x/y", ...secrets, ENCRYPTION_KEY: "short" })).toThrow(/ENCRYPTION_KEY: .*32 bytes/);
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://x/y", ...secrets, RESERVATION_TTL_SECONDS: "soon" })).toThrow(/RESERVATION_TTL_SECONDS/);
  });

  test("development secrets are generated once into the data directory and reused", () => {
    const dir = mkdtempSync(join(tmpdir(), "lss-secrets-"));
    const first = loadOrCreateDevSecrets(dir);
    const again = loadOrCreateDevSecrets(dir);
    expect(again).toEqual(first);
    expect(Buffer.from(first.ENCRYPTION_KEY, "base64")).toHaveLength(32);
    expect(JSON.parse(readFileSync(join(dir, "secrets.json"), "utf8"))).toEqual(first);
  });

  test("hot-path statements at once: 3 per core (at least 4) by default, never more than the pool, and a bad value names the variable", () => {
    const perCores = Math.max(4, 3 * availableParallelism());
    expect(processSettings({ DATABASE_POOL_SIZE: "10000" }).databaseActiveStatements).toBe(perCores);
    expect(processSettings({ DATABASE_POOL_SIZE: "3" }).databaseActiveStatements).toBe(3);
    expect(processSettings({ DATABASE_POOL_SIZE: "20", DATABASE_ACTIVE_STATEMENTS: "12" }).databaseActiveStatements).toBe(12);
    expect(processSettings({ DATABASE_POOL_SIZE: "5", DATABASE_ACTIVE_STATEMENTS: "12" }).databaseActiveStatements).toBe(5);
    expect(processSettings({ DATABASE_ACTIVE_STATEMENTS: "" }).databaseActiveStatements).toBe(Math.min(20, perCores));
    expect(() => processSettings({ DATABASE_ACTIVE_STATEMENTS: "0" })).toThrow(/DATABASE_ACTIVE_STATEMENTS/);
    expect(() => processSettings({ DATABASE_ACTIVE_STATEMENTS: "many" })).toThrow(/DATABASE_ACTIVE_STATEMENTS/);
  });
});
