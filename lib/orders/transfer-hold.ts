/** How long a bank-transfer receipt keeps the reservation while the seller checks it, unless the store says otherwise. */
export const DEFAULT_TRANSFER_REVIEW_HOLD_SECONDS = 48 * 3600;

/** The store's hold for receipts under review (seconds). */
export function transferReviewHoldSeconds(store: { transferReviewHoldSeconds: number | null }) {
  return store.transferReviewHoldSeconds ?? DEFAULT_TRANSFER_REVIEW_HOLD_SECONDS;
}
