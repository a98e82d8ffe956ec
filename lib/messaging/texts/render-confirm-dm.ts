import { quickReply, textMessage } from "@/lib/meta/messages";
import { buildPayload } from "./payloads";
import type { RenderedDm } from "./rendered";
import { createTexts, type TextOptions } from "./translator";

/**
 * Low-confidence understanding: ask instead of guessing. Answers come back as quick-reply payloads
 * CONFIRM:<token>, REJECT:<token> or OTHER:<token>.
 */
export function renderConfirmDm(input: TextOptions & { productName: string; quantity: number; token: string }): RenderedDm {
  const texts = createTexts(input);
  const text = texts.t("confirmQuestion", { qty: input.quantity, product: input.productName });
  const message = textMessage(text, {
    quickReplies: [
      quickReply(texts.t("confirmYes"), buildPayload("CONFIRM", input.token)),
      quickReply(texts.t("confirmNo"), buildPayload("REJECT", input.token)),
      quickReply(texts.t("confirmOther"), buildPayload("OTHER", input.token)),
    ],
  });
  const options = [texts.t("confirmYes"), texts.t("confirmNo"), texts.t("confirmOther")].join(" / ");
  return { locale: texts.locale, message, fallback: textMessage(`${text}\n${options}`), text };
}
