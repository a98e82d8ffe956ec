import { quickReply, textMessage } from "@/lib/meta/messages";
import { displayFirstName } from "./format";
import { buildPayload } from "./payloads";
import { plainDm, type RenderedDm } from "./rendered";
import { createTexts, type TextOptions } from "./translator";

/** One product the buyer may pick; `token` is what the tap brings back (PICK:<token>). */
export type ChoiceOption = { title: string; token: string };

/**
 * The bot could not tell which product or variant a BUY meant: it asks, with one quick reply per
 * option in stock and the sold-out ones named ("¿Qué talla de Camisa Azul? S · L — Agotado: M").
 * `kind` says what differs between the options: the size, the colour, or the product itself.
 */
export function renderChoiceDm(input: TextOptions & { kind: "size" | "color" | "option"; product: string; options: ChoiceOption[]; soldOut: string[] }): RenderedDm {
  const texts = createTexts(input);
  const question = input.kind === "size" ? texts.t("chooseSize", { product: input.product }) : input.kind === "color" ? texts.t("chooseColor", { product: input.product }) : texts.t("chooseOption");
  return withOptions(texts, question, input.options, input.soldOut);
}

/** Nothing matched: "which product?" with the closest products as quick replies. */
export function renderWhichProductDm(input: TextOptions & { options: ChoiceOption[]; soldOut: string[] }): RenderedDm {
  const texts = createTexts(input);
  return withOptions(texts, texts.t("whichProduct"), input.options, input.soldOut);
}

/** Every option the buyer could mean is sold out; the seller is told through the review queue. */
export function renderAllSoldOutDm(input: TextOptions & { buyerName?: string | null; product: string; soldOut: string[] }): RenderedDm {
  const texts = createTexts(input);
  return plainDm(texts.locale, texts.t("allSoldOut", { name: displayFirstName(input.buyerName), product: input.product, list: input.soldOut.join(", ") }));
}

/** Nothing close in the catalog: a short note that the seller will answer (the comment waits in their queue). */
export function renderSellerWillAnswerDm(input: TextOptions & { buyerName?: string | null; storeName: string }): RenderedDm {
  const texts = createTexts(input);
  return plainDm(texts.locale, texts.t("sellerWillAnswer", { name: displayFirstName(input.buyerName), store: input.storeName }));
}

/** A tap on a question older than the comment's private-reply window. */
export function renderChoiceExpiredDm(input: TextOptions): RenderedDm {
  const texts = createTexts(input);
  return plainDm(texts.locale, texts.t("choiceExpired"));
}

function withOptions(texts: ReturnType<typeof createTexts>, question: string, options: ChoiceOption[], soldOut: string[]): RenderedDm {
  const text = [question, soldOut.length ? texts.t("soldOutOptions", { list: soldOut.join(", ") }) : ""].filter(Boolean).join("\n");
  const message = textMessage(text, { quickReplies: options.map((o) => quickReply(o.title, buildPayload("PICK", o.token))) });
  // Without quick replies the buyer can still answer in words; the options are listed in the text.
  const fallback = textMessage(`${text}\n${options.map((o) => o.title).join(" · ")}`);
  return { locale: texts.locale, message, fallback, text: `${text}\n${options.map((o) => o.title).join(" · ")}` };
}
