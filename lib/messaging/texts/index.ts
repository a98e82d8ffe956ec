export { MESSAGE_LOCALES, TONES, TEXT_KEYS, type Tone, type TextOverrides } from "./types";
export { resolveMessageLocale, formattingLocale } from "./locale";
export { formatMoneyMinor, formatClockTime, formatDayTime } from "./format";
export { createTexts, type StoreTextOverrides } from "./translator";
export { buildPayload, parsePayload } from "./payloads";
export { renderPublicReply, renderPublicFallbackReply, renderBlockedBuyerReply, containsLinkOrPrice } from "./render-public-reply";
export { renderCheckoutDm, renderCartUpdatedDm, renderReminderDm, renderApprovalPendingDm, renderApprovalDeclinedDm, type CartDmInput } from "./render-cart-dm";
export { renderConfirmDm } from "./render-confirm-dm";
export { renderOutOfStockDm } from "./render-out-of-stock-dm";
export { renderExpiredDm } from "./render-expired-dm";
export { renderCancelDm, renderOptOutDm } from "./render-notice-dm";
export { renderPaymentReceiptDm } from "./render-payment-receipt-dm";
export { renderShippedDm, renderPickupReadyDm } from "./render-shipment-dm";
export { renderTransferUnderReviewDm, renderTransferRejectedDm, formatHoldUntil } from "./render-transfer-dm";
export { renderSellerAlert, type SellerAlert } from "./render-seller-alert";
export {
  renderUtilityMessage,
  utilityTemplateDefinition,
  
  
  
} from "./utility-templates";
export { renderChoiceDm, renderWhichProductDm, renderAllSoldOutDm, renderSellerWillAnswerDm, renderChoiceExpiredDm, type ChoiceOption } from "./render-choice-dm";
export { renderQuestionAnswer } from "./render-question-answer";
