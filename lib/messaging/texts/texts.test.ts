import { describe, expect, it } from "vitest";
import type { MetaButtonTemplateMessage, MetaTextMessage } from "@/lib/meta/messages";
import { CATALOGS } from "@/lib/i18n/bot";
import {
  MESSAGE_LOCALES,
  TEXT_KEYS,
  TONES,
  buildPayload,
  containsLinkOrPrice,
  formatMoneyMinor,
  parsePayload,
  renderCancelDm,
  renderCartUpdatedDm,
  renderCheckoutDm,
  renderConfirmDm,
  renderExpiredDm,
  renderOptOutDm,
  renderOutOfStockDm,
  renderPaymentReceiptDm,
  renderPublicFallbackReply,
  renderPublicReply,
  renderReminderDm,
  renderSellerAlert,
  renderUtilityMessage,
  resolveMessageLocale,
  utilityTemplateDefinition,
  type CartDmInput,
} from "./index";
import { placeholdersOf } from "@/lib/i18n/format";

const checkoutUrl = "https://app.test/checkout/ord_1?t=tok123";
const cart: CartDmInput = {
  storeName: "Tienda Sol",
  buyerName: "Ana María Pérez",
  items: [
    { name: "Polera roja M", quantity: 2, unitPriceMinor: 7995 },
    { name: "Jeans azul 42", quantity: 1, unitPriceMinor: 19990 },
  ],
  totalMinor: 35980,
  currency: "CLP",
  expiresAt: new Date("2026-11-21T21:30:00Z"),
  timezone: "America/Santiago",
  checkoutUrl,
  storeLocale: "es-CL",
};

const buttons = (m: unknown) => (m as MetaButtonTemplateMessage).attachment.payload.buttons;
const templateText = (m: unknown) => (m as MetaButtonTemplateMessage).attachment.payload.text;

describe("catalogs", () => {
  it("define every text in every locale, with every tone where the text varies by tone", () => {
    for (const locale of MESSAGE_LOCALES) {
      for (const key of TEXT_KEYS) {
        const text = CATALOGS[locale][key];
        const variants = typeof text === "string" ? [text] : TONES.map((tone) => text[tone]);
        for (const v of variants) expect(v?.trim(), `${locale}.${key}`).toBeTruthy();
      }
    }
  });

  it("use only the placeholders of the Spanish source text", () => {
    const sourcePlaceholders = (key: (typeof TEXT_KEYS)[number]) => {
      const text = CATALOGS.es[key];
      return new Set((typeof text === "string" ? [text] : Object.values(text)).flatMap((v) => [...placeholdersOf(v)]));
    };
    for (const locale of MESSAGE_LOCALES) {
      for (const key of TEXT_KEYS) {
        const text = CATALOGS[locale][key];
        for (const v of typeof text === "string" ? [text] : Object.values(text)) {
          for (const p of placeholdersOf(v)) expect(sourcePlaceholders(key).has(p), `${locale}.${key} uses {${p}}`).toBe(true);
        }
      }
      expect(placeholdersOf(CATALOGS[locale].payLink as string).has("url"), `${locale}.payLink`).toBe(true);
      expect([...placeholdersOf(CATALOGS[locale].cartLine as string)].sort(), `${locale}.cartLine`).toEqual(["amount", "product", "qty"]);
    }
  });

  it("keep button and quick-reply labels within Meta's 20 characters", () => {
    const labels = ["payButton", "confirmYes", "confirmNo", "confirmOther", "joinWaitlist", "noThanks", "reserveAgain", "viewOrder"] as const;
    for (const locale of MESSAGE_LOCALES) {
      for (const key of labels) expect(Array.from(CATALOGS[locale][key] as string).length, `${locale}.${key}`).toBeLessThanOrEqual(20);
    }
  });
});

describe("locale resolution", () => {
  it.each([
    ["it", null, "it"],
    ["pt-BR", "es-CL", "pt"],
    ["en_US", null, "en"],
    ["de-DE", "fr-FR", "fr"],
    ["de", null, "es"],
    [null, "ar-EG", "ar"],
    ["not a locale!!", "xx", "es"],
  ] as const)("%s with store default %s → %s", (requested, storeDefault, expected) => {
    expect(resolveMessageLocale({ requested, storeDefault })).toBe(expected);
  });
});

describe("public reply", () => {
  it("renders one short line in every locale, tone and outcome, naming the buyer, never with a link or price", () => {
    for (const locale of MESSAGE_LOCALES) {
      for (const tone of TONES) {
        for (const outcome of ["reserved", "sold_out", "asked"] as const) {
          const line = renderPublicReply({ locale, tone, storeLocale: "es-CL", buyerName: "Ana María", outcome });
          expect(line).toContain("Ana");
          expect(line).not.toContain("María");
          expect(line).not.toMatch(/[\r\n]/);
          expect(line.length).toBeLessThanOrEqual(200);
          expect(containsLinkOrPrice(line), line).toBe(false);
          expect(line).not.toMatch(/[{}[\]]/);
        }
      }
    }
  });

  it("says what happened: reserved, sold out with the waitlist offered privately, or a question sent privately", () => {
    const es = (outcome: "reserved" | "sold_out" | "asked") => renderPublicReply({ locale: "es", buyerName: "Ana", outcome });
    expect(es("reserved")).toBe("¡Listo @Ana! Te enviamos el detalle por mensaje privado 📩");
    expect(es("sold_out")).toMatch(/agot/);
    expect(es("sold_out")).toMatch(/lista de espera/);
    expect(es("sold_out")).not.toMatch(/Listo|detalle/);
    expect(es("asked")).toMatch(/privado/);
    expect(es("asked")).not.toMatch(/Listo|detalle|agot/);
    expect(renderPublicReply({ locale: "pt", buyerName: "Ana", outcome: "sold_out" })).toMatch(/esgot.*lista de espera/);
    expect(renderPublicReply({ locale: "en", buyerName: "Ana", outcome: "sold_out" })).toMatch(/sold out.*waitlist/);
    expect(renderPublicReply({ locale: "ar", buyerName: "Ana", outcome: "sold_out" })).toContain("قائمة الانتظار");
    // A page that may not send DMs promises none, whatever happened.
    const fallback = renderPublicFallbackReply({ locale: "es", buyerName: "Ana", storeName: "Tienda Sol", outcome: "sold_out" });
    expect(fallback).toMatch(/agot.*Messenger.*Tienda Sol/);
    expect(fallback).not.toMatch(/privado/);
  });

  it("reads naturally without a buyer name", () => {
    expect(renderPublicReply({ locale: "es", buyerName: null })).toBe("¡Listo! Te enviamos el detalle por mensaje privado 📩");
    expect(renderPublicReply({ locale: "es", tone: "formal", buyerName: "" })).toBe("Gracias. Le enviamos el detalle por mensaje privado.");
  });

  it("uses the seller's override for the buyer's language only", () => {
    const overrides = { es: { publicReply: "¡Anotado {name}! Revisa tu Messenger" } };
    expect(renderPublicReply({ locale: "es", buyerName: "Ana", overrides })).toBe("¡Anotado Ana! Revisa tu Messenger");
    expect(renderPublicReply({ locale: "en", buyerName: "Ana", overrides })).toContain("We sent you the details");
  });

  it("falls back to the built-in text when an override would leak a link or a price", () => {
    const leaks = [
      "Paga aquí https://pay.me/x {name}",
      "Compra en www.tienda.cl",
      "¡{name}, son $15.990!",
      "Total {total}",
    ];
    for (const publicReply of leaks) {
      const line = renderPublicReply({ locale: "es", buyerName: "Ana", overrides: { es: { publicReply } } });
      expect(line).toBe("¡Listo @Ana! Te enviamos el detalle por mensaje privado 📩");
    }
  });

  it("points to Messenger when the page cannot send DMs, still without link or price", () => {
    const line = renderPublicFallbackReply({ locale: "en", buyerName: "Omar Khan", storeName: "Sol Store" });
    expect(line).toBe("Thanks @Omar! Message Sol Store on Messenger to finish your purchase 💬");
    expect(containsLinkOrPrice(line)).toBe(false);
  });
});

describe("checkout DM", () => {
  it("renders in every locale and tone with cart lines, total, expiry and a pay button", () => {
    for (const locale of MESSAGE_LOCALES) {
      for (const tone of TONES) {
        const dm = renderCheckoutDm({ ...cart, locale, tone });
        expect(dm.locale).toBe(locale);
        expect(buttons(dm.message)).toEqual([expect.objectContaining({ type: "web_url", url: checkoutUrl, title: CATALOGS[locale].payButton })]);
        expect(templateText(dm.message)).toContain("Polera roja M");
        expect(dm.text).toContain(checkoutUrl);
        expect(dm.text).not.toMatch(/[{}]|\[|\]/);
        expect((dm.fallback as MetaTextMessage).text).toBe(dm.text);
      }
    }
  });

  it("formats CLP without decimals and USD with cents, in the store's region", () => {
    const clp = renderCheckoutDm({ ...cart, locale: "es" });
    expect(clp.text).toContain("• 2 × Polera roja M — $15.990");
    expect(clp.text).toContain("Total: $35.980");
    expect(clp.text).not.toMatch(/35\.980,00/);

    const usd = renderCheckoutDm({
      ...cart,
      locale: "en",
      storeLocale: "en-US",
      currency: "USD",
      items: [{ name: "Red tee M", quantity: 2, unitPriceMinor: 1999 }],
      totalMinor: 3998,
      timezone: "America/New_York",
    });
    expect(usd.text).toContain("• 2 × Red tee M — $39.98");
    expect(usd.text).toContain("Total: $39.98");
    expect(formatMoneyMinor(1999, "USD", "en-US")).toBe("$19.99");
    expect(formatMoneyMinor(15990, "CLP", "es-CL")).toBe("$15.990");
  });

  it("shows the expiry in the store's timezone", () => {
    const santiago = renderCheckoutDm({ ...cart, locale: "pt", storeLocale: "pt-BR" });
    expect(santiago.text).toContain("18:30");
    const tokyo = renderCheckoutDm({ ...cart, locale: "pt", storeLocale: "pt-BR", timezone: "Asia/Tokyo" });
    expect(tokyo.text).toContain("06:30");
  });

  it("writes the hold time as the buyer's locale does, without a zone name", () => {
    // "SOLD CAL-LAN" from a Chilean buyer used to get "12:06 PM GMT-3".
    const chile = renderCheckoutDm({ ...cart, locale: "es", storeLocale: "es-CL" });
    expect(chile.text).toContain("hasta las 18:30");
    expect(chile.text).not.toMatch(/GMT|UTC|[ap]\.? ?m\./i);
    const english = renderCheckoutDm({ ...cart, locale: "en", storeLocale: "es-CL" });
    expect(english.text).toContain("6:30 PM");
    expect(english.text).not.toMatch(/GMT|UTC/);
    expect(renderCheckoutDm({ ...cart, locale: "pt", storeLocale: "es-CL" }).text).toContain("18:30");
  });

  it("formats money for the buyer's locale in the store's currency (CLP has no decimals)", () => {
    expect(renderCheckoutDm({ ...cart, locale: "es", storeLocale: "es-CL" }).text).toContain("Total: $35.980");
    expect(renderCheckoutDm({ ...cart, locale: "pt", storeLocale: "es-CL" }).text).toMatch(/Total: CLP\s35\.980\b/);
    expect(renderCheckoutDm({ ...cart, locale: "en", storeLocale: "es-CL" }).text).toMatch(/Total: CLP\s35,980\b/);
    expect(renderCheckoutDm({ ...cart, locale: "en", storeLocale: "en-US", currency: "USD", totalMinor: 3598 }).text).toContain("Total: $35.98");
  });

  it("writes Arabic with isolated product names and a bare link", () => {
    const dm = renderCheckoutDm({ ...cart, locale: "ar" });
    expect(dm.text).toMatch(/[\u0600-\u06FF]/);
    expect(dm.text).toContain("\u2068Polera roja M\u2069");
    expect(dm.text).toContain(` ${checkoutUrl}`);
    expect(buttons(dm.message)[0]?.title).toBe("ادفع الآن");
  });

  it("summarises a huge cart within Meta's limits without losing total or link", () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ name: `Producto número ${i} con nombre largo`, quantity: 1, unitPriceMinor: 1000 }));
    const dm = renderCheckoutDm({ ...cart, locale: "es", items, totalMinor: 80000 });
    const text = templateText(dm.message);
    expect(Array.from(text).length).toBeLessThanOrEqual(640);
    expect(text).toContain("Total: $80.000");
    expect(text).toMatch(/…y \d+ más/);
    expect(Array.from(dm.text).length).toBeLessThanOrEqual(2000);
    expect(dm.text.endsWith(checkoutUrl)).toBe(true);
  });

  it("announces a grown cart on a second BUY", () => {
    const dm = renderCartUpdatedDm({ ...cart, locale: "es" });
    expect(dm.text.startsWith("¡Listo Ana! Sumamos lo nuevo a tu carrito:")).toBe(true);
    expect(buttons(dm.message)[0]).toMatchObject({ type: "web_url", url: checkoutUrl });
  });

  it("reminds with the minutes left and the link", () => {
    const dm = renderReminderDm({ ...cart, locale: "en", now: new Date("2026-11-21T21:20:00Z") });
    expect(dm.text).toContain("expires in 10 min");
    expect(dm.text).toContain(checkoutUrl);
  });
});

describe("conversation DMs", () => {
  it("asks to confirm a low-confidence order with Yes / No / Other product quick replies", () => {
    const dm = renderConfirmDm({ locale: "es", productName: "Polera roja M", quantity: 2, token: "tok_1" });
    const message = dm.message as MetaTextMessage;
    expect(message.text).toBe("¿Quieres 2 × Polera roja M?");
    expect(message.quick_replies?.map((q) => [q.title, q.payload])).toEqual([
      ["Sí", "CONFIRM:tok_1"],
      ["No", "REJECT:tok_1"],
      ["Otro producto", "OTHER:tok_1"],
    ]);
    expect(parsePayload(message.quick_replies?.[0]?.payload)).toEqual({ action: "CONFIRM", token: "tok_1" });
  });

  it("offers the waitlist when stock ran out", () => {
    const dm = renderOutOfStockDm({ locale: "en", buyerName: "Omar", productName: "Red tee M", token: "w1" });
    const message = dm.message as MetaTextMessage;
    expect(message.text).toContain("Red tee M is sold out");
    expect(message.quick_replies?.[0]).toEqual({ content_type: "text", title: "Join waitlist", payload: "WAITLIST:w1" });
  });

  it("keeps the cart as interest after expiry and offers to reserve again", () => {
    const message = renderExpiredDm({ locale: "pt", buyerName: "João", token: "e1" }).message as MetaTextMessage;
    expect(message.text).toContain("guardamos seu carrinho");
    expect(message.quick_replies?.[0]?.payload).toBe("RESERVE:e1");
  });

  it("confirms cancel and opt-out, and says when the data was erased", () => {
    expect(renderCancelDm({ locale: "it", buyerName: "Luca" }).text).toContain("annullato");
    expect(renderOptOutDm({ locale: "fr" }).text).toContain("plus de messages");
    expect(renderOptOutDm({ locale: "es", dataErased: true }).text).toContain("Borramos tus datos personales");
  });

  it("sends a payment receipt with the paid total and an order button", () => {
    const dm = renderPaymentReceiptDm({
      locale: "es",
      storeLocale: "es-CL",
      buyerName: "Ana",
      orderRef: "A1B2C3",
      items: cart.items,
      totalMinor: 35980,
      currency: "CLP",
      orderUrl: "https://app.test/orders/A1B2C3",
    });
    expect(dm.text).toContain("¡Pago recibido, Ana! Tu pedido A1B2C3 está confirmado 🎉");
    expect(dm.text).toContain("Total pagado: $35.980");
    expect(buttons(dm.message)[0]).toMatchObject({ title: "Ver pedido", url: "https://app.test/orders/A1B2C3" });
  });
});

describe("seller alerts and utility templates", () => {
  it("tells the seller in their language", () => {
    expect(renderSellerAlert({ locale: "es", storeLocale: "es-CL", alert: { kind: "order_paid", orderRef: "A1", buyerName: "Ana", totalMinor: 15990, currency: "CLP" } })).toBe(
      "💰 Pedido A1 pagado por Ana: $15.990",
    );
    expect(renderSellerAlert({ locale: "en", alert: { kind: "messaging_blocked" } })).toContain("public replies only");
  });

  it("fills the approved utility template for outside the 24 h window", () => {
    const message = renderUtilityMessage({
      kind: "payment_received",
      locale: "pt-BR",
      params: { customer_name: "João", order_ref: "A1", total: "R$ 19,90" },
      urlSuffix: "/orders/A1",
    });
    expect(message.template).toMatchObject({ name: "lss_payment_received", language: { code: "pt_BR" } });
    expect(message.template.components[0]).toEqual({
      type: "body",
      parameters: [
        { type: "text", parameter_name: "customer_name", text: "João" },
        { type: "text", parameter_name: "order_ref", text: "A1" },
        { type: "text", parameter_name: "total", text: "R$ 19,90" },
      ],
    });
    expect(message.template.components[1]).toEqual({ type: "buttons", parameters: [{ type: "URL", url: "orders/A1" }] });
  });

  it("describes each utility template with examples for every named parameter", () => {
    const def = utilityTemplateDefinition({ kind: "reservation_reminder", locale: "ar", appUrl: "https://app.test/" });
    expect(def).toMatchObject({ name: "lss_reservation_reminder", language: "ar", category: "UTILITY", parameter_format: "NAMED" });
    expect(def.components[0]!.text).toMatch(/[\u0600-\u06FF]/);
    expect(def.components[0]!.example?.body_text_named_params?.map((p) => p.param_name)).toEqual(["customer_name", "expires_at"]);
    expect(def.components[1]!.buttons?.[0]?.url).toBe("https://app.test/{{1}}");
  });

  it("builds and parses quick-reply payloads, rejecting forged ones", () => {
    expect(buildPayload("WAITLIST", "abc-123")).toBe("WAITLIST:abc-123");
    expect(parsePayload("REJECT:abc")).toEqual({ action: "REJECT", token: "abc" });
    expect(parsePayload("DELETE:abc")).toBeNull();
    expect(parsePayload("CONFIRM:")).toBeNull();
    expect(parsePayload("CONFIRM:a b")).toBeNull();
    expect(() => buildPayload("CONFIRM", "bad token")).toThrow();
  });
});
