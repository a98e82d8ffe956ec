import type { CatalogIndex } from "./catalog-index";
import { classifyWithRules } from "./classify-with-rules";
import type { LlmClassifier } from "./llm";
import { BUY_CONFIDENCE_THRESHOLD, type RulesDecision } from "./types";

export interface CommentDecision extends RulesDecision {
  engine: "rules" | "llm" | "cache";
  latencyMs: number;
  /** Why the rules answer stands although the LLM was consulted (for the decision log). */
  fallback?: string;
}

/** Rules are unsure: low confidence, or "OTHER" although the comment has purchase cues. */
function shouldAskLlm(rules: RulesDecision): boolean {
  return rules.confidence < BUY_CONFIDENCE_THRESHOLD || (rules.intent === "OTHER" && rules.buySignal);
}

/**
 * Understands one comment: the rules engine first; the LLM only when the rules are unsure and it
 * is configured and healthy. Never throws and never waits longer than the LLM timeout.
 */
export async function classifyComment({ text, index, llm = null, storeLocale = null }: { text: string; index: CatalogIndex; llm?: LlmClassifier | null; storeLocale?: string | null }): Promise<CommentDecision> {
  const started = performance.now();
  const rules = classifyWithRules({ text, index, storeLocale });
  const done = (decision: Omit<CommentDecision, "latencyMs">): CommentDecision => ({
    ...decision,
    latencyMs: Math.round((performance.now() - started) * 100) / 100,
  });
  if (!llm || !shouldAskLlm(rules)) return done({ ...rules, engine: "rules" });

  const outcome = await llm.classify({ text, index, rules, storeLocale });
  if ("failure" in outcome) {
    return done({ ...rules, engine: "rules", fallback: `llm ${outcome.failure}` });
  }
  const d = outcome.decision;
  if (d.confidence < rules.confidence) return done({ ...rules, engine: "rules", fallback: "llm less confident" });
  return done({
    intent: d.intent,
    sku: d.sku,
    quantity: d.quantity,
    confidence: d.confidence,
    // A comment of codes and "SOLD" names no language, whatever the model guesses; one with words the
    // rules could not place is the model's to read.
    ...(rules.languageEvidence === "neutral" ? { language: rules.language, languageEvidence: "neutral" as const } : { language: d.language, languageEvidence: "clear" as const }),
    reason: d.reason,
    ...(d.sku === null && (d.candidates.length >= 2 || rules.candidates) ? { candidates: d.candidates.length >= 2 ? d.candidates : rules.candidates } : {}),
    ...(d.sku === null && rules.closest ? { closest: rules.closest } : {}),
    ...(d.intent === "QUESTION" ? { topics: rules.topics ?? [] } : {}),
    erase: d.erase,
    buySignal: rules.buySignal || d.intent === "BUY",
    engine: outcome.status === "cache" ? "cache" : "llm",
  });
}
