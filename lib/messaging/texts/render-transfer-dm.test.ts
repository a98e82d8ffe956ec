import { describe, expect, test } from "vitest";
import { renderTransferRejectedDm, renderTransferUnderReviewDm } from "./render-transfer-dm";
import { renderUtilityMessage } from "./utility-templates";

const base = { storeLocale: "es-CL", timezone: "America/Santiago", orderRef: "#12", orderUrl: "https://app.test/checkout/o1?t=x" };
// 2026-12-07 17:07 UTC = 14:07 in Santiago (summer time, UTC-3)
const heldUntil = new Date("2026-12-07T17:07:00Z");

describe("bank-transfer review DMs", () => {
  test("under review: the day and time the items are kept until, in the buyer's language, with a button to the order", () => {
    const es = renderTransferUnderReviewDm({ ...base, locale: "es", heldUntil });
    expect(es.text).toContain("Recibimos tu comprobante de transferencia del pedido #12");
    expect(es.text).toMatch(/hasta el 7 dic\.?, 14:07\)/);
    expect(JSON.stringify(es.message)).toContain(base.orderUrl);
    expect(JSON.stringify(es.fallback)).toContain(base.orderUrl);
    const pt = renderTransferUnderReviewDm({ ...base, locale: "pt-BR", heldUntil });
    expect(pt.text).toContain("Recebemos seu comprovante");
  });

  test("rejected: the seller's reason, isolated inside Arabic text, and until when she can upload again", () => {
    const ar = renderTransferRejectedDm({ ...base, locale: "ar", heldUntil, reason: "El monto no coincide" });
    expect(ar.text).toContain("\u2068El monto no coincide\u2069");
    const en = renderTransferRejectedDm({ ...base, locale: "en", heldUntil, reason: "Amount does not match" });
    expect(en.text).toBe("The store could not confirm your transfer for order #12: “Amount does not match”. Your items are reserved until 2:07 PM: you can upload a new receipt from your order.");
  });

  test("outside the 24-hour window the approved utility templates carry the same facts", () => {
    const t = renderUtilityMessage({ kind: "transfer_rejected", locale: "es", params: { customer_name: "Carla", order_ref: "#12", reason: "no llegó" }, urlSuffix: "checkout/o1?t=x" });
    expect(JSON.stringify(t)).toContain("lss_transfer_rejected");
    expect(JSON.stringify(t)).toContain("no llegó");
  });
});
