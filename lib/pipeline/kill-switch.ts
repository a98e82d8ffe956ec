/**
 * Why the bot left a comment alone while its live's kill switch was off. The same words end up in the
 * comment's reason and in the outbound messages the switch held back, so that processing the paused
 * comments later (lib/lives/process-paused-comments.ts) can find exactly those messages again.
 */
export const KILL_SWITCH_REASON = "kill switch: bot disabled for this live";
