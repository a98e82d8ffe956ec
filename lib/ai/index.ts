// Public surface of comment understanding; everything else in lib/ai is internal.
export { LANGUAGES, type Language } from "./types";
export { buildCatalogIndex, type CatalogIndex } from "./catalog-index";
export { classifyWithRules } from "./classify-with-rules";
export { classifyComment } from "./classify-comment";
export { createLlmClassifier, type LlmClassifier } from "./llm";
