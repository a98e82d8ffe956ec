import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_SECRETS } from "../../playwright.config";

// The production web server answers Meta's webhook POST itself (scripts/server.ts) in front of Next.js:
// these check that it keeps the route's contract on the real server `npm start` runs.
const sign = (raw: string, secret = E2E_SECRETS.META_APP_SECRET) => `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;

test("Meta webhook on the running server: challenge, signature, malformed payloads, size limit", async ({ request }) => {
  const challenge = await request.get(`/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=${E2E_SECRETS.META_VERIFY_TOKEN}&hub.challenge=12345`);
  expect(challenge.status()).toBe(200);
  expect(await challenge.text()).toBe("12345");
  expect((await request.get("/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")).status()).toBe(403);

  const raw = JSON.stringify({ object: "page", entry: [] });
  const forged = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": sign(raw, "not-the-secret") }, data: raw });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("invalid_signature");
  const unsigned = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json" }, data: raw });
  expect(unsigned.status()).toBe(403);

  // A Buffer, so the bytes go out exactly as signed (Playwright would JSON-encode a string that is not JSON).
  const notJson = "{not json";
  const bad = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": sign(notJson) }, data: Buffer.from(notJson) });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("invalid_json");
  const wrongShape = JSON.stringify({ object: "page", entry: "nope" });
  const invalid = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": sign(wrongShape) }, data: wrongShape });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error.code).toBe("invalid_payload");

  const huge = JSON.stringify({ object: "page", entry: [], pad: "x".repeat(2 * 1024 * 1024) });
  const tooLarge = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": sign(huge) }, data: huge });
  expect(tooLarge.status()).toBe(413);

  const ok = await request.post("/api/webhooks/meta", { headers: { "content-type": "application/json", "x-hub-signature-256": sign(raw) }, data: raw });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await ok.json()).toEqual({ received: 0, comments: 0, messages: 0, ignored: 0 });
});
