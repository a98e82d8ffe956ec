import { describe, expect, it } from "vitest";
import { createGateway } from "./create-gateway";
import { APP_URL, linkInput, webhookRequest } from "@/tests/helpers/payment-gateways";

const details = { bankName: "Banco Estado", accountHolder: "Tienda Ana SpA", accountNumber: "123456789", accountType: "Cuenta Vista", taxId: "76.123.456-7", email: "pagos@tienda.cl" };
const transfer = () => createGateway({ provider: "transfer", credentials: details, appUrl: APP_URL });

describe("bank transfer gateway", () => {
  it("links to our checkout page's bank-transfer section and hands over the bank details", async () => {
    const link = await transfer().createLink(linkInput({ orderId: "ord_tr_1" }));
    expect(link).toMatchObject({ url: `${APP_URL}/checkout/ord_tr_1?t=tok123#bank-transfer`, providerRef: "ord_tr_1", instructions: details });
  });

  it("has no webhook to verify", async () => {
    expect(await transfer().verifyWebhook(webhookRequest({ headers: {}, body: "{}" }))).toMatchObject({ ok: false, status: 400 });
  });

  it("never reports a transfer as paid on its own: only the seller confirms it", async () => {
    expect(await transfer().fetchStatus({ eventId: "e", orderId: "ord_tr_1" })).toEqual({
      status: "pending",
      orderId: "ord_tr_1",
      providerRef: "ord_tr_1",
      providerTxnId: null,
      amountMinor: null,
      currency: null,
      raw: null,
    });
  });

  it("records a refund as owed by hand", async () => {
    expect(await transfer().refund({ providerTxnId: "x", amountMinor: 100, currency: "CLP", idempotencyKey: "rf-1" })).toEqual({ refundId: "manual:rf-1", status: "manual_required" });
  });
});
