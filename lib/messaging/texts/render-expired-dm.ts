import { quickReply, textMessage } from "@/lib/meta/messages";
import { displayFirstName } from "./format";
import { buildPayload } from "./payloads";
import type { RenderedDm } from "./rendered";
import { createTexts, type TextOptions } from "./translator";

/** The reservation lapsed: the stock is back on sale but the cart is kept as interest (RESERVE:<token>). */
export function renderExpiredDm(input: TextOptions & { buyerName?: string | null; token: string }): RenderedDm {
  const texts = createTexts(input);
  const text = texts.t("expired", { name: displayFirstName(input.buyerName) });
  const message = textMessage(text, { quickReplies: [quickReply(texts.t("reserveAgain"), buildPayload("RESERVE", input.token))] });
  return { locale: texts.locale, message, fallback: textMessage(text), text };
}
