/**
 * What the bot did with a comment, as the seller's feed and the comments API report it, and what the
 * public reply under the comment says. It is read from the purpose of the comment's private reply (one
 * per comment, recorded with it), so it costs the pipeline nothing to keep.
 */
export const COMMENT_OUTCOMES = ["reserved", "sold_out", "asked", "answered", "cancelled"] as const;
export type CommentOutcome = (typeof COMMENT_OUTCOMES)[number];

/** The purposes replyToComment records on a comment's private reply. */
export const PRIVATE_REPLY_PURPOSES = {
  checkout: "reserved",
  cart_updated: "reserved",
  // A high-risk buyer's order waits for the store's approval (nothing reserved yet; the order exists).
  awaiting_approval: "reserved",
  waitlist_offer: "sold_out",
  confirm: "asked",
  // Issue 13: which size / which product / the seller will answer — all ask the buyer privately.
  choose: "asked",
  which_product: "asked",
  seller_will_answer: "asked",
  all_sold_out: "sold_out",
  // A catalog answer sent as the comment's private reply (stores that answer questions by DM).
  question_answer: "answered",
  cancelled: "cancelled",
} as const satisfies Record<string, CommentOutcome>;
export type PrivateReplyPurpose = keyof typeof PRIVATE_REPLY_PURPOSES;

export function outcomeOfPrivateReply(purpose: string | null | undefined): CommentOutcome | null {
  return purpose && Object.hasOwn(PRIVATE_REPLY_PURPOSES, purpose) ? PRIVATE_REPLY_PURPOSES[purpose as PrivateReplyPurpose] : null;
}
