import { buttonTemplateMessage, textMessage, urlButton } from "@/lib/meta/messages";
import { formatDayTime } from "./format";
import { formattingLocale, resolveMessageLocale } from "./locale";
import type { RenderedDm } from "./rendered";
import { createTexts, type TextOptions } from "./translator";

type TransferDmInput = TextOptions & { orderRef: string; heldUntil: Date; timezone: string; orderUrl: string };

/** Date and time in the buyer's language: a review hold can last days, so the clock time alone would be ambiguous. */
export function formatHoldUntil(input: Pick<TextOptions, "locale" | "storeLocale"> & { heldUntil: Date; timezone: string }): string {
  const locale = resolveMessageLocale({ requested: input.locale, storeDefault: input.storeLocale });
  const tag = formattingLocale({ locale, requested: input.locale, storeDefault: input.storeLocale });
  return formatDayTime(input.heldUntil, input.timezone, tag);
}

function withOrderButton(texts: ReturnType<typeof createTexts>, text: string, orderUrl: string): RenderedDm {
  return {
    locale: texts.locale,
    message: buttonTemplateMessage({ text, buttons: [urlButton(texts.t("viewOrder"), orderUrl)] }),
    fallback: textMessage(`${text}\n${orderUrl}`),
    text,
  };
}

/** The buyer's receipt arrived: her reservation is kept while the store checks the transfer. */
export function renderTransferUnderReviewDm(input: TransferDmInput): RenderedDm {
  const texts = createTexts(input);
  const text = texts.t("transferUnderReview", { order: input.orderRef, time: formatHoldUntil(input) });
  return withOrderButton(texts, text, input.orderUrl);
}

/** The store could not confirm the transfer: why, until when the items stay reserved, and where to upload again. */
export function renderTransferRejectedDm(input: TransferDmInput & { reason: string }): RenderedDm {
  const texts = createTexts(input);
  const text = texts.t("transferRejected", { order: input.orderRef, reason: input.reason.slice(0, 300), time: texts.time(input.heldUntil, input.timezone) });
  return withOrderButton(texts, text, input.orderUrl);
}
