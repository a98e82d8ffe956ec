// Public surface of comment understanding; everything else in lib/ai is internal.
export { BUY_CONFIDENCE_THRESHOLD, INTENTS, LANGUAGES, catalogProductSchema, type CatalogProduct, type Intent, type Language, type RulesDecision } from "./types";
export { buildCatalogIndex, type CatalogIndex } from "./catalog-index";
export { classifyWithRules, type ClassifyWithRulesInput } from "./classify-with-rules";
export { classifyComment, shouldAskLlm, type CommentDecision } from "./classify-comment";
export { createLlmClassifier, llmClassifierFromEnv, type LlmClassifier, type LlmConfig, type LlmDecision, type LlmOutcome } from "./llm";
export { pickRelevantProducts } from "./relevant-products";
