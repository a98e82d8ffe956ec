import { describe, expect, test } from "vitest";
import { UI_LOCALES, messages } from "@/lib/i18n";
import { timelineMessages } from "@/lib/i18n/order-timeline";
import { paymentMessages } from "@/lib/i18n/payments";
import type { TimelineEntry } from "./order-schemas";
import { presentTimeline } from "./present-timeline";

// What GET /api/v1/orders/{id} answers for an order a buyer made from a comment and paid with the
// sandbox, then shipped (the shape of lib/orders/order-timeline.ts), with its ids and ISO dates.
const COMMENT_ID = "cmj8x1q2w0000abcd1234efgh";
const USER_ID = "cmj8x1q2w0002abcd1234efgh";
const entries: TimelineEntry[] = [
  { at: "2026-12-05T17:03:00.000Z", type: "comment.received", summary: "Carla Pérez: quiero 2 de la A12", data: { comment_id: COMMENT_ID, text: "quiero 2 de la A12", author: "Carla Pérez", language: "es", status: "processed" } },
  { at: "2026-12-05T17:03:00.040Z", type: "ai.decision", summary: "BUY A12 ×2 (rules, 97%)", data: { comment_id: COMMENT_ID, engine: "rules", intent: "BUY", sku: "A12", quantity: 2, confidence: 0.97, reason: "BUY: verb quiero; sku A12", model: null, latency_ms: 0 } },
  { at: "2026-12-05T17:03:00.050Z", type: "audit.order.created", summary: "order.created by system", data: { action: "order.created", actor_type: "system", actor_id: null, actor_name: null, data: { items: [{ sku: "A12", quantity: 2 }], commentId: COMMENT_ID }, ip: null } },
  { at: "2026-12-05T17:03:00.050Z", type: "reservation.created", summary: "A12 ×2 reserved until 2026-12-05T17:33:00.050Z", data: { sku: "A12", name: "Polera roja M", quantity: 2, expires_at: "2026-12-05T17:33:00.050Z", status: "committed" } },
  { at: "2026-12-05T17:03:00.090Z", type: "message.public_reply", summary: "public reply (ack): sent — ¡Listo!", data: { message_id: "cmj8msg1", kind: "public_reply", purpose: "ack", status: "sent", error: null, attempts: 1 } },
  { at: "2026-12-05T17:03:00.120Z", type: "message.private_reply", summary: "private reply (checkout): sent", data: { message_id: "cmj8msg2", kind: "private_reply", purpose: "checkout", status: "sent", error: null, attempts: 1 } },
  { at: "2026-12-05T17:05:10.000Z", type: "audit.payment.link_created", summary: "payment.link_created by buyer", data: { action: "payment.link_created", actor_type: "buyer", actor_id: null, actor_name: null, data: { provider: "sandbox", paymentId: "cmj8pay1", amountMinor: 31980, currency: "CLP" }, ip: null } },
  { at: "2026-12-05T17:05:30.000Z", type: "webhook.received", summary: "payments:sandbox sandbox.payment_success", data: { source: "payments:sandbox", type: "sandbox.payment_success", event_id: "evt_1", processed_at: "2026-12-05T17:05:30.100Z" } },
  { at: "2026-12-05T17:05:10.000Z", type: "payment.created", summary: "sandbox: 31980 CLP (succeeded)", data: { payment_id: "cmj8pay1", provider: "sandbox", status: "succeeded", amount_minor: 31980, currency: "CLP", provider_txn_id: "txn_1", flag_reason: null } },
  { at: "2026-12-05T17:05:30.050Z", type: "audit.order.paid", summary: "order.paid by webhook cmj8wh", data: { action: "order.paid", actor_type: "webhook", actor_id: "cmj8wh000", actor_name: null, data: { provider: "sandbox", providerTxnId: "txn_1", amountMinor: 31980, currency: "CLP", paymentId: "cmj8pay1" }, ip: null } },
  { at: "2026-12-05T17:05:30.050Z", type: "reservation.committed", summary: "A12 ×2 sold", data: { sku: "A12", name: "Polera roja M", quantity: 2 } },
  { at: "2026-12-05T17:05:30.200Z", type: "message.dm", summary: "dm (receipt): sent", data: { message_id: "cmj8msg3", kind: "dm", purpose: "receipt", status: "sent", error: null, attempts: 1 } },
  { at: "2026-12-05T17:05:30.200Z", type: "message.dm", summary: "dm (receipt): sent", data: { message_id: "cmj8msg4", kind: "dm", purpose: "receipt", status: "sent", error: null, attempts: 2 } },
  { at: "2026-12-05T17:06:00.000Z", type: "seller.alert", summary: "Seller alert: sent — Pago recibido", data: { message_id: "cmj8msg5", kind: "dm", purpose: "seller_alert", status: "sent", error: null, attempts: 1, alert: "payment_flagged" } },
  { at: "2026-12-05T17:06:30.000Z", type: "audit.payment.flagged", summary: "payment.flagged", data: { action: "payment.flagged", actor_type: "webhook", actor_id: "cmj8wh001", actor_name: null, data: { provider: "sandbox", amountMinor: 100, currency: "CLP", reason: "paid 100 CLP but the order total is 31980 CLP" }, ip: null } },
  { at: "2026-12-05T18:10:00.000Z", type: "audit.order.shipped", summary: `order.shipped by user ${USER_ID}`, data: { action: "order.shipped", actor_type: "user", actor_id: USER_ID, actor_name: "Ana Vendedora", data: { trackingNumber: "CX123", carrier: "Chilexpress" }, ip: "10.0.0.1" } },
  { at: "2026-12-05T18:11:00.000Z", type: "audit.order.some_future_action", summary: "x", data: { action: "order.some_future_action", actor_type: "system", actor_id: null, data: {}, ip: null } },
  { at: "2026-12-05T18:12:00.000Z", type: "message.dm", summary: "dm (shipping_update): failed", data: { message_id: "cmj8msg6", kind: "dm", purpose: "shipping_update", status: "failed", error: "(#10) blocked", attempts: 3 } },
];

const plain = (s: string | null) => s && s.replace(/[\u2068\u2069]/g, "");

function present(locale: (typeof UI_LOCALES)[number]) {
  return isolated(locale).map((i) => ({ ...i, title: plain(i.title)!, detail: plain(i.detail) }));
}

function isolated(locale: (typeof UI_LOCALES)[number]) {
  return presentTimeline(entries, {
    locale,
    timeZone: "America/Santiago",
    storeLocale: "es-CL",
    currency: "CLP",
    totalMinor: 31980,
    t: timelineMessages(locale),
    intents: messages(locale).intents,
    providers: paymentMessages(locale).providers,
    items: [{ sku: "A12", name: "Polera roja M" }],
  });
}

const visible = (items: ReturnType<typeof present>) => items.flatMap((i) => [i.when, i.title, i.detail ?? "", i.quote ?? ""]);

describe("the order timeline as a seller reads it", () => {
  for (const locale of UI_LOCALES) {
    test(`${locale}: no internal ids, ISO timestamps, raw event names, engine names or repeated lines`, () => {
      const items = present(locale);
      expect(items.length).toBeGreaterThan(10);
      for (const text of visible(items)) {
        expect(text).not.toMatch(/cmj8|txn_|evt_|CX123.*CX123/);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}:\d{2}|Z\b/);
        expect(text).not.toMatch(/\b[a-z]+(?:[._:][a-z_]+)+\b/); // comment.received, payments:sandbox, payment_success, order.paid
        expect(text).not.toMatch(/\b(rules|Motor|engine|webhook|BUY|ack|sandbox)\b/);
      }
      const lines = items.map((i) => `${i.title}|${i.detail}|${i.quote}`);
      for (let i = 1; i < lines.length; i++) expect(lines[i], `line ${i}`).not.toBe(lines[i - 1]);
      // Product names, not SKUs; the people by name; the store's time zone (17:03 UTC is 14:03 in Santiago).
      expect(items.some((i) => i.title.includes("Polera roja M"))).toBe(true);
      expect(items.some((i) => i.detail?.includes("Ana Vendedora"))).toBe(true);
      expect(items[0]!.when).toMatch(/14:03|2:03/);
      expect(items[0]!.quote).toBe("quiero 2 de la A12");
    });
  }

  test("es: the story in Spanish, dates like “5 dic 2026, 14:03”", () => {
    const items = present("es");
    expect(items.map((i) => [i.title, i.detail])).toEqual([
      ["Carla Pérez comentó", null],
      ["El bot entendió: comprar 2 × Polera roja M", "97% de seguridad"],
      ["Pedido creado a partir del comentario", null],
      ["2 × Polera roja M reservado hasta 14:33", null],
      ["Respuesta pública publicada bajo el comentario", null],
      ["Carrito y link de pago enviados al comprador", null],
      ["Pago iniciado con Pagos de prueba (sin dinero real)", "por el comprador"],
      ["Pedido pagado", "$31.980 con Pagos de prueba (sin dinero real)"],
      ["2 × Polera roja M vendido", null],
      ["Comprobante de pago enviado al comprador", null],
      ["Te avisamos: el pago necesita tu revisión", null],
      ["El pago necesita tu revisión", "Se recibieron $100; el total del pedido es $31.980."],
      ["Marcado como despachado", "Seguimiento: Chilexpress CX123 · por Ana Vendedora"],
      ["Pedido actualizado", null],
      ["Mensaje enviado al comprador", "No se pudo enviar"],
    ]);
    expect(items[0]!.when).toBe("5 dic 2026, 14:03");
    expect(items.at(-1)!.tone).toBe("danger");
  });

  test("ar: Arabic sentences, names and quantities isolated so they keep their direction", () => {
    const items = present("ar");
    expect(items[0]!.title).toBe("علّق Carla Pérez");
    expect(isolated("ar")[3]!.title).toMatch(/^حُجز \u20682 × Polera roja M\u2069 حتى \u2068.+\u2069$/);
    expect(items.filter((i) => /[\u0600-\u06FF]/.test(i.title)).length).toBe(items.length);
  });
});
