import { buttonTemplateMessage, LIMITS, textMessage, urlButton } from "@/lib/meta/messages";
import { cartLines, composeWithinLimit } from "./compose";
import { displayFirstName } from "./format";
import type { RenderedDm } from "./rendered";
import { createTexts, type TextOptions } from "./translator";
import type { CartLine } from "./types";

/** The receipt after a confirmed payment, with a "view order" button when an order page exists. */
export function renderPaymentReceiptDm(
  input: TextOptions & {
    buyerName?: string | null;
    orderRef: string;
    items: CartLine[];
    totalMinor: number;
    currency: string;
    orderUrl?: string;
  },
): RenderedDm {
  const texts = createTexts(input);
  const head = texts.t("paymentReceived", { name: displayFirstName(input.buyerName), order: input.orderRef });
  const lines = cartLines(texts, input.items, input.currency);
  const total = texts.t("paidTotal", { total: texts.money(input.totalMinor, input.currency) });
  const fit = (max: number) => composeWithinLimit(texts, { head, lines, tail: [total], max });
  const text = fit(LIMITS.text);
  if (!input.orderUrl) {
    const message = textMessage(text);
    return { locale: texts.locale, message, fallback: message, text };
  }
  return {
    locale: texts.locale,
    message: buttonTemplateMessage({ text: fit(LIMITS.buttonTemplateText), buttons: [urlButton(texts.t("viewOrder"), input.orderUrl)] }),
    fallback: textMessage(text),
    text,
  };
}
