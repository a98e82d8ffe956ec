import { BUY_CONFIDENCE_THRESHOLD, type RulesDecision } from "./types";

/**
 * What a BUY comment leads to, before stock is looked at (the pipeline turns "reserve" into the cart or
 * the waitlist offer, and "which_product" into the closest products or a note that the seller will answer):
 * - reserve: one product, confident enough to reserve on its own;
 * - confirm: one product, but unsure: "did you mean …?";
 * - choose: several products it could be (sizes, colours, look-alikes): one quick reply per candidate;
 * - which_product: no product to go on: "which product?".
 * Every BUY gets one of these, so none goes unanswered; null for any other intent.
 */
export type BuyOutcome = "reserve" | "confirm" | "choose" | "which_product";

export function buyOutcome(decision: Pick<RulesDecision, "intent" | "sku" | "confidence" | "candidates">, threshold = BUY_CONFIDENCE_THRESHOLD): BuyOutcome | null {
  if (decision.intent !== "BUY") return null;
  if (decision.sku) return decision.confidence >= threshold ? "reserve" : "confirm";
  if ((decision.candidates?.length ?? 0) >= 2) return "choose";
  return "which_product";
}
