import { buttonTemplateMessage, LIMITS, textMessage, urlButton } from "@/lib/meta/messages";
import { displayFirstName } from "./format";
import { plainDm, type RenderedDm } from "./rendered";
import { createTexts, type Texts, type TextOptions } from "./translator";
import type { CartLine } from "./types";
import { cartLines, composeWithinLimit } from "./compose";

export type CartDmInput = TextOptions & {
  storeName: string;
  buyerName?: string | null;
  items: CartLine[];
  /** Order total in minor units of `currency` (it may differ from the sum of lines: shipping, discounts). */
  totalMinor: number;
  currency: string;
  expiresAt: Date;
  /** IANA zone of the store, e.g. "America/Santiago". */
  timezone: string;
  checkoutUrl: string;
  /** A card provider is failing right now: tell the buyer the same link also takes a bank transfer. */
  suggestTransfer?: boolean;
  /** A high-risk buyer's pay-first order: nothing is held, the units go to whoever pays first. */
  payFirst?: boolean;
};

function renderCart(input: CartDmInput, head: (texts: Texts) => string, { showHold = true } = {}): RenderedDm {
  const texts = createTexts(input);
  const lines = cartLines(texts, input.items, input.currency);
  const tail = [
    texts.t("total", { total: texts.money(input.totalMinor, input.currency) }),
    ...(input.payFirst ? [texts.t("payFirstNote")] : showHold ? [texts.t("holdUntil", { time: texts.time(input.expiresAt, input.timezone) })] : []),
    ...(input.suggestTransfer ? [texts.t("transferHint")] : []),
  ];
  const intro = head(texts);
  const payLink = texts.t("payLink", { url: input.checkoutUrl });
  const templateText = composeWithinLimit(texts, { head: intro, lines, tail, max: LIMITS.buttonTemplateText });
  // The plain fallback reserves room for the link line first: without it the DM is useless.
  const fallbackBody = composeWithinLimit(texts, { head: intro, lines, tail, max: LIMITS.text - Array.from(payLink).length - 1 });
  const fallbackText = `${fallbackBody}\n${payLink}`;
  return {
    locale: texts.locale,
    message: buttonTemplateMessage({ text: templateText, buttons: [urlButton(texts.t("payButton"), input.checkoutUrl)] }),
    fallback: textMessage(fallbackText),
    text: fallbackText,
  };
}

/** The private reply that opens the sale: cart, total, how long it is held, and the checkout link. */
export function renderCheckoutDm(input: CartDmInput): RenderedDm {
  return renderCart(input, (texts) => texts.t("checkoutIntro", { name: displayFirstName(input.buyerName), store: input.storeName }));
}

/** A second BUY during the reservation: the grown cart with the same checkout link. */
export function renderCartUpdatedDm(input: CartDmInput): RenderedDm {
  return renderCart(input, (texts) => texts.t("cartUpdatedIntro", { name: displayFirstName(input.buyerName) }));
}

/** The courtesy nudge shortly before the reservation lapses. */
export function renderReminderDm(input: CartDmInput & { now?: Date }): RenderedDm {
  const now = input.now ?? new Date();
  const minutes = Math.max(1, Math.ceil((input.expiresAt.getTime() - now.getTime()) / 60_000));
  // The reminder sentence already names the deadline, so the "held until" line is left out.
  return renderCart(
    input,
    (texts) => texts.t("reminder", { name: displayFirstName(input.buyerName), minutes, time: texts.time(input.expiresAt, input.timezone) }),
    { showHold: false },
  );
}

/** A high-risk buyer's order waits for the store's approval: no link yet, the buyer is told it will come. */
export function renderApprovalPendingDm(input: TextOptions & { buyerName?: string | null; storeName: string }): RenderedDm {
  const texts = createTexts(input);
  return plainDm(texts.locale, texts.t("approvalPending", { name: displayFirstName(input.buyerName), store: input.storeName }));
}

/** The store declined a high-risk buyer's order that was waiting for its approval. */
export function renderApprovalDeclinedDm(input: TextOptions & { buyerName?: string | null; storeName: string }): RenderedDm {
  const texts = createTexts(input);
  return plainDm(texts.locale, texts.t("approvalDeclined", { name: displayFirstName(input.buyerName), store: input.storeName }));
}
