import { quickReply, textMessage } from "@/lib/meta/messages";
import { displayFirstName } from "./format";
import { buildPayload } from "./payloads";
import type { RenderedDm } from "./rendered";
import { createTexts, type TextOptions } from "./translator";

/** Not enough stock: no order, but an offer to join the waitlist (WAITLIST:<token> / DECLINE:<token>). */
export function renderOutOfStockDm(input: TextOptions & { buyerName?: string | null; productName: string; token: string }): RenderedDm {
  const texts = createTexts(input);
  const text = texts.t("outOfStock", { name: displayFirstName(input.buyerName), product: input.productName });
  const message = textMessage(text, {
    quickReplies: [
      quickReply(texts.t("joinWaitlist"), buildPayload("WAITLIST", input.token)),
      quickReply(texts.t("noThanks"), buildPayload("DECLINE", input.token)),
    ],
  });
  return { locale: texts.locale, message, fallback: textMessage(text), text };
}
