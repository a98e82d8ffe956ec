export { MESSAGE_LOCALES, type MessageLocale } from "@/lib/i18n/languages";

export const TONES = ["friendly", "formal", "fun"] as const;
export type Tone = (typeof TONES)[number];

export const TEXT_KEYS = [
  "publicReply",
  "publicReplyFallback",
  "publicReplySoldOut",
  "publicReplySoldOutFallback",
  "publicReplyBlocked",
  "publicReplyAsked",
  "checkoutIntro",
  "cartUpdatedIntro",
  "cartLine",
  "moreItems",
  "total",
  "holdUntil",
  "payButton",
  "payLink",
  "transferHint",
  "confirmQuestion",
  "confirmYes",
  "confirmNo",
  "confirmOther",
  "outOfStock",
  "joinWaitlist",
  "noThanks",
  "cancelDone",
  "optOutDone",
  "dataErasedDone",
  "reminder",
  "expired",
  "cartRecovery",
  "reserveAgain",
  "paymentReceived",
  "paidTotal",
  "viewOrder",
  "sellerMessagingBlocked",
  "sellerOrderPaid",
  "sellerNeedsReview",
  "sellerRefundNeeded",
  "sellerTokenInvalid",
  "sellerRateLimited",
  "sellerOutOfStock",
  "transferUnderReview",
  "transferRejected",
  "chooseSize",
  "chooseColor",
  "chooseOption",
  "soldOutOptions",
  "allSoldOut",
  "whichProduct",
  "sellerWillAnswer",
  "choiceExpired",
  "answerPrice",
  "answerSizes",
  "answerColors",
  "answerStockLeft",
  "answerSoldOut",
  "answerHowToBuy",
  "orderShipped",
  "orderShippedNoTracking",
  "trackingCorrected",
  "pickupReady",
  "trackShipment",
  "payFirstNote",
  "approvalPending",
  "approvalDeclined",
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

/** One string for every tone, or one per tone. */
export type ToneText = string | Record<Tone, string>;

/**
 * Templates use `{placeholder}`; `[ ... ]` marks an optional part that is dropped when any
 * placeholder inside it is empty, so "¡Listo[ @{name}]!" reads well with or without a name.
 */
export type Catalog = Record<TextKey, ToneText>;

/** A seller's replacements for one language, keyed by text key, with the same placeholders. */
export type TextOverrides = Partial<Record<TextKey, string>>;

export type CartLine = { name: string; quantity: number; unitPriceMinor: number };
