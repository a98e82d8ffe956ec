import { displayFirstName } from "./format";
import { plainDm, type RenderedDm } from "./rendered";
import { createTexts, type TextOptions } from "./translator";

/** Confirms a CANCEL: the order is cancelled and its stock released. */
export function renderCancelDm(input: TextOptions & { buyerName?: string | null }): RenderedDm {
  const texts = createTexts(input);
  return plainDm(texts.locale, texts.t("cancelDone", { name: displayFirstName(input.buyerName) }));
}

/** The last message an opted-out buyer receives; `dataErased` when they asked to delete their data. */
export function renderOptOutDm(input: TextOptions & { dataErased?: boolean }): RenderedDm {
  const texts = createTexts(input);
  return plainDm(texts.locale, texts.t(input.dataErased ? "dataErasedDone" : "optOutDone"));
}
