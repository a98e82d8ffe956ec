import { describe, expect, it } from "vitest";
import { createGateway, DEFAULT_PROVIDER_BASE_URLS } from "./create-gateway";
import { PaymentProviderError } from "./errors";
import { FlowGateway } from "./flow";
import { MercadopagoGateway } from "./mercadopago";
import { PaypalGateway } from "./paypal";
import { SandboxGateway } from "./sandbox";
import { APP_URL, linkInput } from "@/tests/helpers/payment-gateways";
import { TransferGateway } from "./transfer";

const base = { appUrl: APP_URL, sandboxSecret: "s3cr3t-s3cr3t-s3cr3t", storeCurrency: "CLP" };

describe("createGateway", () => {
  it("picks one strategy per provider", () => {
    expect(createGateway({ ...base, provider: "paypal", credentials: { clientId: "a", clientSecret: "b", webhookId: "c" } })).toBeInstanceOf(PaypalGateway);
    expect(createGateway({ ...base, provider: "mercadopago", credentials: { accessToken: "a", webhookSecret: "b" } })).toBeInstanceOf(MercadopagoGateway);
    expect(createGateway({ ...base, provider: "flow", credentials: { apiKey: "a", secretKey: "b" } })).toBeInstanceOf(FlowGateway);
    expect(
      createGateway({ ...base, provider: "transfer", credentials: { bankName: "B", accountHolder: "H", accountNumber: "1", accountType: "T" } }),
    ).toBeInstanceOf(TransferGateway);
    expect(createGateway({ ...base, provider: "sandbox", credentials: {} })).toBeInstanceOf(SandboxGateway);
  });

  it("rejects incomplete settings naming the fields but never echoing secrets", () => {
    const err = (() => {
      try {
        createGateway({ ...base, provider: "mercadopago", credentials: { accessToken: "APP_USR-super-secret" } });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PaymentProviderError);
    expect(err).toMatchObject({ code: "invalid_configuration", message: expect.stringContaining("webhookSecret") });
    expect((err as Error).message).not.toContain("super-secret");
  });

  it("requires the sandbox secret and store currency for the sandbox", () => {
    expect(() => createGateway({ appUrl: APP_URL, provider: "sandbox", credentials: {}, storeCurrency: "CLP" })).toThrow(/sandboxSecret/);
    expect(() => createGateway({ appUrl: APP_URL, provider: "sandbox", credentials: {}, sandboxSecret: "x" })).toThrow(/storeCurrency/);
  });

  it("defaults to the providers' sandbox environments", async () => {
    expect(DEFAULT_PROVIDER_BASE_URLS).toEqual({
      paypal: "https://api-m.sandbox.paypal.com",
      mercadopago: "https://api.mercadopago.com",
      flow: "https://sandbox.flow.cl/api",
    });
    const seen: string[] = [];
    const g = createGateway({
      ...base,
      provider: "flow",
      credentials: { apiKey: "a", secretKey: "b" },
      fetch: async (url) => {
        seen.push(url);
        return new Response(JSON.stringify({ url: "https://sandbox.flow.cl/app/web/pay.php", token: "T", flowOrder: 1 }), { status: 200 });
      },
    });
    await g.createLink(linkInput({ currency: "CLP", amountMinor: 1000, items: [] }));
    expect(seen).toEqual(["https://sandbox.flow.cl/api/payment/create"]);
  });

  it("validates the link input before calling anyone", async () => {
    const g = createGateway({ ...base, provider: "sandbox", credentials: {} });
    await expect(g.createLink(linkInput({ amountMinor: 19.99 }))).rejects.toThrow();
    await expect(g.createLink(linkInput({ currency: "usd" }))).rejects.toThrow();
  });
});
