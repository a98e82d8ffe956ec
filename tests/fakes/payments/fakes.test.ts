import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createGateway } from "@/lib/payments/gateways/create-gateway";
import { signFlowParams } from "@/lib/payments/gateways/flow-signature";
import { APP_URL, linkInput } from "@/tests/helpers/payment-gateways";
import type { PaymentGateway, VerifyWebhookResult } from "@/lib/payments/gateways/types";
import { startFakeFlow } from "./flow";
import { startFakeMercadoPago } from "./mercadopago";
import { startFakePaypal } from "./paypal";

// The fakes must refuse what the providers refuse, or the contract tests would prove nothing.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function paypalToken(url: string, id: string, secret: string) {
  const res = await fetch(`${url}/v1/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A stand-in for our webhook route: verifies whatever arrives with the given gateway. */
async function webhookTarget(gateway: () => PaymentGateway) {
  const results: VerifyWebhookResult[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const url = new URL(req.url ?? "/", "http://target");
      void gateway()
        .verifyWebhook({ headers, rawBody: Buffer.concat(chunks), query: url.searchParams })
        .then((r) => {
          results.push(r);
          res.writeHead(r.ok ? 200 : r.status).end();
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(() => new Promise((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, results };
}

describe("fake PayPal", () => {
  async function setup() {
    const fake = await startFakePaypal();
    closers.push(() => fake.close());
    const token = await paypalToken(fake.url, fake.clientId, fake.clientSecret);
    const post = (body: unknown) =>
      fetch(`${fake.url}/v2/checkout/orders`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    return { fake, post };
  }
  const unit = (amount: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ intent: "CAPTURE", purchase_units: [{ amount, ...extra }] });
  const issue = async (res: Response) => ((await res.json()) as { details: { issue: string }[] }).details[0]!.issue;

  it("refuses more decimals than the currency has", async () => {
    const { post } = await setup();
    const usd = await post(unit({ currency_code: "USD", value: "19.999" }));
    expect(usd.status).toBe(422);
    expect(await issue(usd)).toBe("DECIMAL_PRECISION");
    expect(await issue(await post(unit({ currency_code: "JPY", value: "1200.50" })))).toBe("DECIMAL_PRECISION");
    expect((await post(unit({ currency_code: "USD", value: "19.99" }))).status).toBe(201);
  });

  it("refuses unsupported currencies, items that do not add up, and missing tokens", async () => {
    const { fake, post } = await setup();
    expect(await issue(await post(unit({ currency_code: "CLP", value: "15990" })))).toBe("CURRENCY_NOT_SUPPORTED");
    const items = [{ name: "A", quantity: "2", unit_amount: { currency_code: "USD", value: "5.00" } }];
    const mismatch = unit({ currency_code: "USD", value: "10.00", breakdown: { item_total: { currency_code: "USD", value: "9.00" } } }, { items });
    expect(await issue(await post(mismatch))).toBe("ITEM_TOTAL_MISMATCH");
    const anonymous = await fetch(`${fake.url}/v2/checkout/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(anonymous.status).toBe(401);
  });

  it("lets a browser approve at the payer-action link and returns it to return_url, notifying when asked", async () => {
    const target = await webhookTarget(() => gateway);
    const fake = await startFakePaypal({ autoNotify: true, webhookUrl: target.url });
    closers.push(() => fake.close());
    const gateway = createGateway({ provider: "paypal", credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret, webhookId: fake.webhookId }, baseUrls: { paypal: fake.url }, appUrl: APP_URL });
    const link = await gateway.createLink(linkInput());
    const res = await fetch(link.url, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${APP_URL}/checkout/ord_test_1?t=tok123&token=${link.providerRef}&PayerID=FAKEPAYER123`);
    expect(target.results).toEqual([{ ok: true, lookup: expect.objectContaining({ providerRef: link.providerRef }) }]);
  });
});

describe("fake Mercado Pago", () => {
  it("refuses decimals in CLP prices and auto_return without a success URL", async () => {
    const fake = await startFakeMercadoPago();
    closers.push(() => fake.close());
    const post = (body: unknown) =>
      fetch(`${fake.url}/checkout/preferences`, { method: "POST", headers: { authorization: `Bearer ${fake.accessToken}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    const item = (unit_price: number, currency_id = "CLP") => ({ title: "Polera", quantity: 1, unit_price, currency_id });
    expect((await post({ items: [item(15990.5)] })).status).toBe(400);
    expect((await post({ items: [item(19.999, "USD")] })).status).toBe(400);
    expect((await post({ items: [item(15990)], auto_return: "approved" })).status).toBe(400);
    expect((await post({ items: [item(15990)], expires: true, expiration_date_to: "2026-11-21 15:30" })).status).toBe(400);
    expect((await post({ items: [item(15990)] })).status).toBe(201);
  });

  it("delivers a signed notification to notification_url that our gateway accepts over HTTP", async () => {
    const fake = await startFakeMercadoPago();
    closers.push(() => fake.close());
    const gateway = createGateway({ provider: "mercadopago", credentials: { accessToken: fake.accessToken, webhookSecret: fake.webhookSecret }, baseUrls: { mercadopago: fake.url }, appUrl: APP_URL });
    const target = await webhookTarget(() => gateway);
    const link = await gateway.createLink(linkInput({ notifyUrl: `${target.url}?store=st_1` }));
    const paymentId = fake.approve(link.providerRef);
    expect(await fake.sendWebhook(paymentId)).toMatchObject({ status: 200 });
    expect(await fake.sendWebhook(paymentId, { secret: "forged" })).toMatchObject({ status: 403 });
    expect(target.results[0]).toEqual({ ok: true, lookup: { paymentId, eventId: expect.any(String) } });
  });
});

describe("fake Flow", () => {
  it("refuses a bad signature, an unknown apiKey and decimals in CLP", async () => {
    const fake = await startFakeFlow();
    closers.push(() => fake.close());
    const params = { apiKey: fake.apiKey, commerceOrder: "o1", subject: "s", amount: "15990", email: "a@b.cl", urlConfirmation: "https://x.test/c", urlReturn: "https://x.test/r" };
    const post = (p: Record<string, string>, secret = fake.secretKey) =>
      fetch(`${fake.url}/payment/create`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ ...p, s: signFlowParams(p, secret) }) });
    expect((await post(params, "wrong-secret")).status).toBe(401);
    expect((await post({ ...params, apiKey: "other" })).status).toBe(401);
    expect((await post({ ...params, amount: "15990.5" })).status).toBe(400);
    expect((await post(params)).status).toBe(200);
  });

  it("posts the token confirmation to urlConfirmation, which our gateway verifies over HTTP", async () => {
    const fake = await startFakeFlow();
    closers.push(() => fake.close());
    const gateway = createGateway({ provider: "flow", credentials: { apiKey: fake.apiKey, secretKey: fake.secretKey }, baseUrls: { flow: fake.url }, appUrl: APP_URL });
    const target = await webhookTarget(() => gateway);
    const link = await gateway.createLink(linkInput({ currency: "CLP", amountMinor: 15990, items: [], notifyUrl: target.url }));
    fake.approve(link.providerRef);
    expect(await fake.sendConfirmation(link.providerRef)).toMatchObject({ status: 200 });
    expect(target.results[0]).toMatchObject({ ok: true, lookup: { providerRef: link.providerRef, eventId: `flow:${link.providerRef}:2` } });
  });
});
