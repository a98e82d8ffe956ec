import { hotPathDb, inRehearsal } from "@/lib/db";
import { usagePeriod, usageSlot } from "@/lib/billing/plans";
import { env } from "@/lib/env";
import { BUY_CONFIDENCE_THRESHOLD, type Intent } from "@/lib/ai/types";
import { recordAlertSignal } from "@/lib/alerts/record-alert-signal";
import { buildCatalogIndex, classifyComment, createLlmClassifier, type CatalogIndex, type LlmClassifier } from "@/lib/ai";

/** How stale the stock figures shown to the LLM may get; reservations never rebuild the index by themselves. */
const CATALOG_AVAILABILITY_TTL_MS = 60_000;

type CachedIndex = { version: string; builtAt: number; index: CatalogIndex; bySku: Map<string, { id: string; name: string }> };
const g = globalThis as unknown as {
  __lssCatalogIndexes?: Map<string, CachedIndex>;
  __lssCatalogBuilds?: Map<string, Promise<CachedIndex>>;
  __lssLlm?: { key: string; llm: LlmClassifier | null };
};
const indexes = (g.__lssCatalogIndexes ??= new Map());
const builds = (g.__lssCatalogBuilds ??= new Map());

/**
 * The catalog's version: a counter on the store that triggers on products move whenever what the
 * classifier reads changes (products added or removed; ids, SKUs, names, keywords, colours, sizes, groups,
 * active flags), deliberately blind to stock, reservations and "updatedAt" — a sale must not rebuild the
 * index (migration 20261228090000_store_catalog_version). understandComment reads it with the comment.
 */
async function catalogVersion(storeId: string): Promise<string> {
  const [v] = await hotPathDb.$queryRaw<{ version: string }[]>`SELECT "catalogVersion"::text AS version FROM stores WHERE id = ${storeId}`;
  return v?.version ?? "0";
}

/**
 * The store's catalog prepared for matching, rebuilt when the catalog version changes and, when an LLM is
 * configured, every CATALOG_AVAILABILITY_TTL_MS to refresh the availability figures it sees. Concurrent
 * callers share one build.
 */
async function catalogIndex(storeId: string, knownVersion?: string): Promise<CachedIndex> {
  const version = knownVersion ?? (await catalogVersion(storeId));
  const cached = indexes.get(storeId);
  // Availability is read by the LLM only: without one, the index lives as long as its version.
  if (cached && cached.version === version && (Date.now() - cached.builtAt < CATALOG_AVAILABILITY_TTL_MS || !llm())) return cached;
  const key = `${storeId}\u0000${version}`;
  let build = builds.get(key);
  if (!build) {
    build = (async () => {
      type ProductRow = { id: string; sku: string; name: string; keywords: string[]; color: string | null; size: string | null; group: string | null; available: number };
      const products = await hotPathDb.$queryRaw<ProductRow[]>`
        SELECT id, sku, name, keywords, color, size, "groupKey" AS "group", stock - reserved AS available FROM products WHERE "storeId" = ${storeId} AND active`;
      const entry: CachedIndex = {
        version,
        builtAt: Date.now(),
        index: buildCatalogIndex(products.map((p) => ({ sku: p.sku, name: p.name, keywords: p.keywords, color: p.color, size: p.size, group: p.group, available: p.available }))),
        bySku: new Map(products.map((p) => [p.sku, { id: p.id, name: p.name }])),
      };
      indexes.set(storeId, entry);
      return entry;
    })().finally(() => builds.delete(key));
    builds.set(key, build);
  }
  return build;
}

const locales = new Map<string, { locale: string; at: number }>();
async function storeLocaleOf(storeId: string) {
  const hit = locales.get(storeId);
  if (hit && Date.now() - hit.at < CATALOG_AVAILABILITY_TTL_MS) return hit.locale;
  const [row] = await hotPathDb.$queryRaw<{ locale: string }[]>`SELECT locale FROM stores WHERE id = ${storeId}`;
  const locale = row?.locale ?? "es";
  locales.set(storeId, { locale, at: Date.now() });
  return locale;
}

function llm(): LlmClassifier | null {
  // A start-up rehearsal (rehearse-comments.ts) never calls the model: the rules answer its comments.
  if (inRehearsal()) return null;
  const e = env();
  const key = `${e.OPENAI_API_KEY ?? ""}|${e.OPENAI_BASE_URL ?? ""}|${e.OPENAI_MODEL}|${e.OPENAI_TIMEOUT_MS}`;
  if (g.__lssLlm?.key !== key) {
    g.__lssLlm = { key, llm: e.OPENAI_API_KEY ? createLlmClassifier({ apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.OPENAI_TIMEOUT_MS, onBreakerOpen: raiseLlmBreakerSignal }) : null };
  }
  return g.__lssLlm.llm;
}

export type TextDecision = {
  intent: Intent;
  sku: string | null;
  /** The products it could be when it cannot pick one (sku null): ask the buyer. */
  candidates: string[];
  /** Nothing matched: the nearest products, for "which product?". */
  closest: string[];
  /** QUESTION: what it asks that the catalog can answer. */
  topics: Array<"price" | "stock" | "size" | "color">;
  productId: string | null;
  productName: string | null;
  quantity: number | null;
  confidence: number;
  confident: boolean;
  language: string;
  /** The comment's own words name `language` (see LanguageEvidence); otherwise it is only a guess. */
  languageClear: boolean;
  reason: string;
  erase: boolean;
  engine: string;
};

/** The ai_decisions row of one decision (written by the caller, in its own statement). */
export type DecisionLog = {
  text: string;
  engine: string;
  intent: Intent;
  sku: string | null;
  quantity: number | null;
  confidence: number;
  language: string;
  reason: string;
  model: string | null;
  latencyMs: number;
  /** The LLM was called (counts towards the plan's AI usage). */
  llmCall: boolean;
};

/**
 * Rules first, the LLM only for what they cannot settle. Reads the catalog index (cached) and nothing
 * else; the caller logs the decision (`log`) with its confidence.
 */
export async function decideText({ storeId, text, storeLocale, catalogVersion: knownVersion }: { storeId: string; text: string; storeLocale?: string; catalogVersion?: string }): Promise<{ decision: TextDecision; log: DecisionLog }> {
  const [{ index, bySku }, locale] = await Promise.all([catalogIndex(storeId, knownVersion), storeLocale ?? storeLocaleOf(storeId)]);
  const classifier = llm();
  const d = await classifyComment({ text, index, llm: classifier, storeLocale: locale });
  const product = d.sku ? bySku.get(d.sku) : undefined;
  const sku = product ? d.sku : null;
  const known = (skus: string[] | undefined) => (skus ?? []).filter((s) => bySku.has(s));
  return {
    decision: {
      intent: d.intent,
      sku,
      candidates: sku ? [] : known(d.candidates),
      closest: sku ? [] : known(d.closest),
      topics: d.intent === "QUESTION" ? (d.topics ?? []) : [],
      productId: product?.id ?? null,
      productName: product?.name ?? null,
      quantity: d.quantity,
      confidence: d.confidence,
      confident: d.confidence >= BUY_CONFIDENCE_THRESHOLD,
      language: d.language,
      languageClear: d.languageEvidence === "clear",
      reason: d.reason,
      erase: d.erase,
      engine: d.engine,
    },
    log: {
      text: text.slice(0, 2000),
      engine: d.engine,
      intent: d.intent,
      sku,
      quantity: d.quantity,
      confidence: d.confidence,
      language: d.language,
      reason: d.fallback ? `${d.reason} (${d.fallback})` : d.reason,
      model: d.engine === "rules" ? null : (classifier?.model ?? null),
      latencyMs: Math.round(d.latencyMs),
      llmCall: d.engine === "llm",
    },
  };
}

/** Rules first, the LLM only for what they cannot settle; every decision is logged with its confidence. */
export async function understandText({ storeId, text, commentId = null }: { storeId: string; text: string; commentId?: string | null }): Promise<TextDecision> {
  const { decision, log } = await decideText({ storeId, text });
  await hotPathDb.$executeRaw`
    WITH d AS (
      INSERT INTO ai_decisions (id, "storeId", "commentId", text, engine, intent, sku, quantity, confidence, language, reason, model, "latencyMs")
      VALUES (gen_random_uuid()::text, ${storeId}, ${commentId}::text, ${log.text}, ${log.engine}, ${log.intent}::"Intent", ${log.sku}::text, ${log.quantity}::int,
        ${log.confidence}::float8, ${log.language}::text, ${log.reason}, ${log.model}::text, ${log.latencyMs}::int)
      RETURNING 1
    ), u AS (
      INSERT INTO usage_counters ("storeId", period, slot, "aiCalls") SELECT ${storeId}, ${usagePeriod()}, ${usageSlot()}, 1 WHERE ${log.llmCall}::boolean
      ON CONFLICT ("storeId", period, slot) DO UPDATE SET "aiCalls" = usage_counters."aiCalls" + 1 RETURNING 1
    )
    SELECT (SELECT count(*) FROM d)::int AS d, (SELECT count(*) FROM u)::int AS u`;
  return decision;
}

/** The LLM breaker opened in this process: the operators' next alert evaluation fires "LLM down". */
function raiseLlmBreakerSignal() {
  void recordAlertSignal({ key: "llm_breaker", kind: "llm_breaker_open", summary: "The LLM circuit breaker is open: unsure comments get the rules engine's answer or a question to the buyer", holdSeconds: 60 });
}
