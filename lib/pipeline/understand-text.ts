import { prisma } from "@/lib/db";
import { usageSlot } from "@/lib/billing/plans";
import { env } from "@/lib/env";
import { BUY_CONFIDENCE_THRESHOLD, type Intent } from "@/lib/ai/types";
import { buildCatalogIndex, classifyComment, createLlmClassifier, type CatalogIndex, type LlmClassifier } from "@/lib/ai";

type CachedIndex = { version: string; index: CatalogIndex; bySku: Map<string, { id: string; name: string }> };
const g = globalThis as unknown as { __lssCatalogIndexes?: Map<string, CachedIndex>; __lssLlm?: { key: string; llm: LlmClassifier | null } };
const indexes = (g.__lssCatalogIndexes ??= new Map());

/**
 * The store's catalog prepared for matching, rebuilt only when a product changed (the version is the
 * newest updatedAt and the row count, one indexed query per comment).
 */
async function catalogIndex(storeId: string): Promise<CachedIndex> {
  const [v] = await prisma.$queryRaw<{ version: string }[]>`
    SELECT coalesce(max("updatedAt")::text, '') || ':' || count(*)::text AS version FROM products WHERE "storeId" = ${storeId} AND active`;
  const cached = indexes.get(storeId);
  if (cached && cached.version === v!.version) return cached;
  const products = await prisma.product.findMany({ where: { storeId, active: true }, select: { id: true, sku: true, name: true, keywords: true, color: true, size: true, stock: true, reserved: true } });
  const entry: CachedIndex = {
    version: v!.version,
    index: buildCatalogIndex(products.map((p) => ({ sku: p.sku, name: p.name, keywords: p.keywords, color: p.color, size: p.size, available: p.stock - p.reserved }))),
    bySku: new Map(products.map((p) => [p.sku, { id: p.id, name: p.name }])),
  };
  indexes.set(storeId, entry);
  return entry;
}

const locales = new Map<string, string>();
async function storeLocaleOf(storeId: string) {
  let l = locales.get(storeId);
  if (!l) {
    l = (await prisma.store.findUnique({ where: { id: storeId }, select: { locale: true } }))?.locale ?? "es";
    locales.set(storeId, l);
  }
  return l;
}

function llm(): LlmClassifier | null {
  const e = env();
  const key = `${e.OPENAI_API_KEY ?? ""}|${e.OPENAI_BASE_URL ?? ""}|${e.OPENAI_MODEL}|${e.OPENAI_TIMEOUT_MS}`;
  if (g.__lssLlm?.key !== key) {
    g.__lssLlm = { key, llm: e.OPENAI_API_KEY ? createLlmClassifier({ apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.OPENAI_TIMEOUT_MS }) : null };
  }
  return g.__lssLlm.llm;
}

export type TextDecision = {
  intent: Intent;
  sku: string | null;
  productId: string | null;
  productName: string | null;
  quantity: number | null;
  confidence: number;
  confident: boolean;
  language: string;
  reason: string;
  erase: boolean;
  engine: string;
};

/** Rules first, the LLM only for what they cannot settle; every decision is logged with its confidence. */
export async function understandText({ storeId, text, commentId = null }: { storeId: string; text: string; commentId?: string | null }): Promise<TextDecision> {
  const { index, bySku } = await catalogIndex(storeId);
  const classifier = llm();
  const storeLocale = await storeLocaleOf(storeId);
  const d = await classifyComment({ text, index, llm: classifier, storeLocale });
  const product = d.sku ? bySku.get(d.sku) : undefined;
  await prisma.aiDecision.create({
    data: {
      storeId, commentId, text: text.slice(0, 2000), engine: d.engine, intent: d.intent, sku: product ? d.sku : null,
      quantity: d.quantity, confidence: d.confidence, language: d.language, reason: d.fallback ? `${d.reason} (${d.fallback})` : d.reason, model: d.engine === "rules" ? null : (classifier?.model ?? null), latencyMs: Math.round(d.latencyMs),
    },
  });
  if (d.engine === "llm") {
    const period = new Date().toISOString().slice(0, 7);
    await prisma.$executeRaw`INSERT INTO usage_counters ("storeId", period, slot, "aiCalls") VALUES (${storeId}, ${period}, ${usageSlot()}, 1)
      ON CONFLICT ("storeId", period, slot) DO UPDATE SET "aiCalls" = usage_counters."aiCalls" + 1`;
  }
  return {
    intent: d.intent,
    sku: product ? d.sku : null,
    productId: product?.id ?? null,
    productName: product?.name ?? null,
    quantity: d.quantity,
    confidence: d.confidence,
    confident: d.confidence >= BUY_CONFIDENCE_THRESHOLD,
    language: d.language,
    reason: d.reason,
    erase: d.erase,
    engine: d.engine,
  };
}
