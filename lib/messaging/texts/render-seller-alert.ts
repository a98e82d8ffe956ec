import { createTexts } from "./translator";

export type SellerAlert =
  | { kind: "messaging_blocked" }
  | { kind: "order_paid"; orderRef: string; buyerName: string; totalMinor: number; currency: string }
  | { kind: "needs_review"; buyerName: string; commentText: string }
  | { kind: "refund_needed"; orderRef: string; totalMinor: number; currency: string }
  | { kind: "token_invalid" }
  | { kind: "rate_limited" }
  | { kind: "out_of_stock"; productName: string; buyerName: string };

/** One line for the seller (dashboard toast, notification), in the seller's language. */
export function renderSellerAlert({ locale, storeLocale, alert }: { locale?: string | null; storeLocale?: string | null; alert: SellerAlert }): string {
  const texts = createTexts({ locale, storeLocale, tone: "formal" });
  switch (alert.kind) {
    case "messaging_blocked":
      return texts.t("sellerMessagingBlocked");
    case "order_paid":
      return texts.t("sellerOrderPaid", { order: alert.orderRef, buyer: alert.buyerName, total: texts.money(alert.totalMinor, alert.currency) });
    case "needs_review":
      return texts.t("sellerNeedsReview", { buyer: alert.buyerName, text: alert.commentText.slice(0, 200) });
    case "refund_needed":
      return texts.t("sellerRefundNeeded", { order: alert.orderRef, total: texts.money(alert.totalMinor, alert.currency) });
    case "token_invalid":
      return texts.t("sellerTokenInvalid");
    case "rate_limited":
      return texts.t("sellerRateLimited");
    case "out_of_stock":
      return texts.t("sellerOutOfStock", { product: alert.productName, buyer: alert.buyerName });
  }
}
