import { afterAll, describe, expect, test } from "vitest";
import { disconnectPrisma } from "@/lib/db";
import * as health from "@/app/health/route";
import * as token from "@/app/api/v1/auth/token/route";
import { call } from "./helpers/api";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";
import { freePort } from "@/scripts/free-port";

// While the embedded PostgreSQL is down (killed, restarting under the supervisor of npm start), the app
// answers 503 with the contract's error shape, /health says what is wrong, and it recovers by itself.
const realUrl = process.env.DATABASE_URL!;
afterAll(async () => {
  process.env.DATABASE_URL = realUrl;
  await disconnectPrisma();
});

async function databaseDown(url: string) {
  process.env.DATABASE_URL = url;
  await disconnectPrisma(); // the lazy clients reconnect to the new URL on their next query
}

describe("with the database unreachable", () => {
  test.each([
    ["a TCP port nobody listens on", async () => `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/app`],
    ["a Unix socket that is gone", async () => `postgresql://postgres:postgres@localhost:${await freePort()}/app?host=%2Ftmp`],
  ])("over %s: the API and Meta's webhook answer 503 database_unavailable, /health says why; then it recovers", async (_label, url) => {
    await databaseDown(await url());

    const api = await call(token.POST, { path: "/api/v1/auth/token", body: { email: "seller@example.com", password: "a-long-password-1" } });
    expect(api.status).toBe(503);
    expect(api.body).toEqual({ error: { code: "database_unavailable", message: expect.any(String) } });

    const webhook = await postWebhook(commentPayload({ pageId: "123", postId: "123_1", message: "quiero A12" }).payload);
    expect(webhook.status).toBe(503); // Meta re-sends the delivery later
    expect(webhook.body.error.code).toBe("database_unavailable");

    const down = await call(health.GET, { path: "/health" });
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: "unavailable", checks: { database: "error" } });
    expect(down.body.errors.database).toMatch(/ECONNREFUSED|ENOENT|Can't reach database server/);

    await databaseDown(realUrl);
    const up = await call(health.GET, { path: "/health" });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: "alive", checks: { database: "ok" } });
  });
});
