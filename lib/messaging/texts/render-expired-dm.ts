import { quickReply, textMessage } from "@/lib/meta/messages";
import { displayFirstName } from "./format";
import { buildPayload } from "./payloads";
import type { RenderedDm } from "./rendered";
import { createTexts, type TextOptions } from "./translator";

/** The reservation lapsed: the stock is back on sale but the cart is kept as interest (RESERVE:<token>). */
export function renderExpiredDm(input: TextOptions & { buyerName?: string | null; token: string; recovery?: boolean }): RenderedDm {
  const texts = createTexts(input);
  // Later, while Meta's 24 h window is open: "your cart is still saved" with the same one-tap "reserve again".
  const text = texts.t(input.recovery ? "cartRecovery" : "expired", { name: displayFirstName(input.buyerName) });
  const message = textMessage(text, { quickReplies: [quickReply(texts.t("reserveAgain"), buildPayload("RESERVE", input.token))] });
  return { locale: texts.locale, message, fallback: textMessage(text), text };
}
