import { describe, expect, it } from "vitest";
import {
  buttonTemplateMessage,
  clampText,
  describeMetaMessage,
  MetaMessageBuildError,
  postbackButton,
  quickReply,
  textMessage,
  urlButton,
  utilityTemplateMessage,
} from "./messages";

describe("Send API message builders", () => {
  it("clamps quick-reply and button titles to 20 characters without splitting an emoji", () => {
    expect(Array.from(quickReply("Unirme a la lista de espera 🔔", "WAITLIST:t").title)).toHaveLength(20);
    expect(urlButton("Pagar ahora mismo con tarjeta", "https://x.test/c").title).toBe("Pagar ahora mismo c…");
    expect(clampText("ab😀cd", 3)).toBe("ab…");
    expect(clampText("short", 20)).toBe("short");
  });

  it("allows 13 quick replies and refuses a 14th", () => {
    const make = (n: number) => Array.from({ length: n }, (_, i) => quickReply(`Q${i}`, `P:${i}`));
    expect(textMessage("pick", { quickReplies: make(13) }).quick_replies).toHaveLength(13);
    expect(() => textMessage("pick", { quickReplies: make(14) })).toThrow(MetaMessageBuildError);
  });

  it("builds a button template with a URL button and rejects empty or oversized button lists", () => {
    const msg = buttonTemplateMessage({ text: "Tu carrito", buttons: [urlButton("Pagar", "https://shop.test/checkout/1?t=a")] });
    expect(msg).toEqual({
      attachment: {
        type: "template",
        payload: {
          template_type: "button",
          text: "Tu carrito",
          buttons: [{ type: "web_url", url: "https://shop.test/checkout/1?t=a", title: "Pagar", webview_height_ratio: "full" }],
        },
      },
    });
    expect(() => buttonTemplateMessage({ text: "x", buttons: [] })).toThrow(MetaMessageBuildError);
    const four = Array.from({ length: 4 }, (_, i) => postbackButton(`B${i}`, `P${i}`));
    expect(() => buttonTemplateMessage({ text: "x", buttons: four })).toThrow(MetaMessageBuildError);
    expect(() => urlButton("Pagar", "javascript:alert(1)")).toThrow(MetaMessageBuildError);
  });

  it("clamps button template text to Meta's 640 characters", () => {
    const msg = buttonTemplateMessage({ text: "a".repeat(900), buttons: [postbackButton("Ok", "OK")] });
    expect(Array.from(msg.attachment.payload.text)).toHaveLength(640);
  });

  it("fills named utility template parameters and the URL button suffix", () => {
    const msg = utilityTemplateMessage({
      name: "lss_reservation_reminder",
      languageCode: "es",
      bodyParameters: { customer_name: "Ana", expires_at: "18:30" },
      urlSuffix: "checkout/o1?t=abc",
    });
    expect(msg.template.components).toEqual([
      {
        type: "body",
        parameters: [
          { type: "text", parameter_name: "customer_name", text: "Ana" },
          { type: "text", parameter_name: "expires_at", text: "18:30" },
        ],
      },
      { type: "buttons", parameters: [{ type: "URL", url: "checkout/o1?t=abc" }] },
    ]);
    expect(describeMetaMessage(msg)).toContain("Ana");
    expect(() => utilityTemplateMessage({ name: "Bad Name", languageCode: "es", bodyParameters: [] })).toThrow(MetaMessageBuildError);
  });
});
