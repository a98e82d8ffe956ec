import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { CatalogIndex } from "./catalog-index";
import { compactSku, unpaddedSku } from "./catalog-index";
import { createCircuitBreaker, type BreakerState } from "./circuit-breaker";
import { createLruCache } from "./lru-cache";
import { LLM_RESPONSE_JSON_SCHEMA, SYSTEM_PROMPT, buildUserMessage, parseLlmReply, type LlmAnswer } from "./llm-schema";
import { prepareComment } from "./normalize-text";
import { pickRelevantProducts } from "./relevant-products";
import { metrics } from "@/lib/observability/metrics";
import { withSpan } from "@/lib/observability/tracing";
import { LANGUAGES, type Intent, type Language, type RulesDecision } from "./types";

export interface LlmConfig {
  apiKey: string;
  /** Any OpenAI-compatible endpoint, e.g. "https://api.openai.com/v1" or a local server's "/v1". */
  baseURL?: string;
  model: string;
  timeoutMs: number;
  breaker?: { failureThreshold?: number; coolDownMs?: number };
  cache?: { maxEntries?: number; ttlMs?: number };
  /** Products sent as context. */
  contextProducts?: number;
  /** Injectable clock for the breaker and cache (tests). */
  now?: () => number;
  /** Called when the breaker goes from closed/half-open to open (the app raises an operator alert signal). */
  onBreakerOpen?: () => void;
}

interface LlmDecision {
  intent: Intent;
  sku: string | null;
  /** When sku is null: catalog SKUs the buyer could mean (the model's, resolved against the catalog). */
  candidates: string[];
  quantity: number | null;
  confidence: number;
  language: Language;
  erase: boolean;
  reason: string;
}

type LlmFailure = "breaker-open" | "timeout" | "http" | "network" | "invalid";

type LlmOutcome =
  | { status: "ok" | "cache"; decision: LlmDecision }
  | { status: "skipped" | "failed"; failure: LlmFailure; message: string };

export interface LlmClassifier {
  readonly model: string;
  /** Never throws: failures come back as an outcome so the caller can keep the rules answer. */
  classify(input: { text: string; index: CatalogIndex; rules: RulesDecision; storeLocale?: string | null }): Promise<LlmOutcome>;
  breakerState(): BreakerState;
}

const DEFAULT_FAILURE_THRESHOLD = 5;
const DEFAULT_COOL_DOWN_MS = 30_000;
const DEFAULT_CACHE_ENTRIES = 2000;
const DEFAULT_CACHE_TTL_MS = 15 * 60_000;

/** Two comments that read the same to the rules engine ("QUIERO la rojaaa" / "quiero la roja") share a cache entry. */
function cacheKeyFor({ text, index, storeLocale }: { text: string; index: CatalogIndex; storeLocale?: string | null }): string {
  const normalised = prepareComment(text)
    .tokens.map((t) => t.text)
    .join(" ");
  return `${index.version}\u0000${storeLocale ?? ""}\u0000${normalised}`;
}

/** Only SKUs the catalog has; the model may answer "a12" for "A12". */
function resolveSku(sku: string | null, index: CatalogIndex): string | null {
  if (!sku) return null;
  if (index.bySku.has(sku)) return sku;
  const compact = compactSku(sku);
  return index.skuKeys.get(compact) ?? index.skuKeys.get(unpaddedSku(compact)) ?? null;
}

function toDecision(answer: LlmAnswer, index: CatalogIndex, rules: RulesDecision, model: string): LlmDecision {
  const language = (LANGUAGES as readonly string[]).includes(answer.language) ? (answer.language as Language) : rules.language;
  const quantity = answer.intent === "BUY" ? Math.min(99, Math.max(1, answer.quantity ?? 1)) : null;
  // Model text is shown to sellers: keep it short and free of markup.
  const why = answer.reason.replace(/[<>]/g, "").replace(/\s+/g, " ").trim().slice(0, 160);
  const sku = answer.intent === "OPT_OUT" ? null : resolveSku(answer.sku, index);
  const candidates = sku || answer.intent === "OPT_OUT" ? [] : [...new Set(answer.candidates.map((c) => resolveSku(c, index)).filter((c): c is string => c !== null))].slice(0, 10);
  return {
    intent: answer.intent,
    sku,
    candidates: candidates.length >= 2 ? candidates : [],
    quantity,
    confidence: Math.round(answer.confidence * 100) / 100,
    language,
    erase: answer.intent === "OPT_OUT" && answer.erase,
    reason: `LLM ${model}${why ? `: ${why}` : ""}`,
  };
}

function failureOf(error: unknown): { failure: LlmFailure; message: string } {
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) return { failure: "timeout", message: "LLM timed out" };
  if (error instanceof APIConnectionError) return { failure: "network", message: error.message };
  if (error instanceof APIError) return { failure: "http", message: `LLM HTTP ${error.status ?? "error"}` };
  return { failure: "network", message: error instanceof Error ? error.message : "LLM call failed" };
}

/**
 * An OpenAI-compatible classifier with structured output, the most relevant products as context,
 * a circuit breaker, an LRU cache keyed by normalised text and catalog version, and a hard timeout.
 */
export function createLlmClassifier(config: LlmConfig): LlmClassifier {
  const now = config.now ?? Date.now;
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, timeout: config.timeoutMs, maxRetries: 0 });
  const breaker = createCircuitBreaker({
    failureThreshold: config.breaker?.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
    coolDownMs: config.breaker?.coolDownMs ?? DEFAULT_COOL_DOWN_MS,
    now,
  });
  const cache = createLruCache<LlmDecision>({
    maxEntries: config.cache?.maxEntries ?? DEFAULT_CACHE_ENTRIES,
    ttlMs: config.cache?.ttlMs ?? DEFAULT_CACHE_TTL_MS,
    now,
  });

  return {
    model: config.model,
    breakerState: () => breaker.state(),
    async classify(input) {
      const started = performance.now();
      const wasOpen = breaker.state() === "open";
      const result = await classifyOnce(input);
      if (!wasOpen && breaker.state() === "open") config.onBreakerOpen?.();
      const m = metrics();
      m.llmCalls.inc({ outcome: result.status === "failed" || result.status === "skipped" ? (result.failure === "breaker-open" ? "skipped" : result.failure) : result.status });
      if (result.status === "ok" || result.status === "failed") m.llmSeconds.observe((performance.now() - started) / 1000);
      m.llmBreakerOpen.set(breaker.state() === "open" ? 1 : 0);
      return result;
    },
  };

  async function classifyOnce({ text, index, rules, storeLocale = null }: Parameters<LlmClassifier["classify"]>[0]): ReturnType<LlmClassifier["classify"]> {
    const key = cacheKeyFor({ text, index, storeLocale });
    const cached = cache.get(key);
    if (cached) return { status: "cache", decision: cached };
    if (!breaker.tryAcquire()) return { status: "skipped", failure: "breaker-open", message: "LLM circuit breaker is open" };

    const products = pickRelevantProducts({ text, index, limit: config.contextProducts ?? 5 });
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), config.timeoutMs);
    try {
      const completion = await withSpan("llm chat.completions", { kind: "client", attributes: { "gen_ai.request.model": config.model } }, () => client.chat.completions.create(
        {
          model: config.model,
          temperature: 0,
          messages: [
            { role: "system", content: SYSTEM_PROMPT },
            { role: "user", content: buildUserMessage({ text: prepareComment(text).clean, storeLocale, products, rules }) },
          ],
          response_format: {
            type: "json_schema",
            json_schema: { name: "comment_classification", strict: true, schema: LLM_RESPONSE_JSON_SCHEMA },
          },
        },
        { timeout: config.timeoutMs, maxRetries: 0, signal: abort.signal },
      ));
      const content = completion.choices[0]?.message?.content ?? "";
      const answer = parseLlmReply(content);
      if (!answer) {
        breaker.recordFailure();
        return { status: "failed", failure: "invalid", message: "LLM reply did not match the schema" };
      }
      breaker.recordSuccess();
      const decision = toDecision(answer, index, rules, config.model);
      cache.set(key, decision);
      return { status: "ok", decision };
    } catch (error) {
      breaker.recordFailure();
      const aborted = abort.signal.aborted;
      return { status: "failed", ...(aborted ? { failure: "timeout" as const, message: "LLM timed out" } : failureOf(error)) };
    } finally {
      clearTimeout(timer);
    }
  }
}
