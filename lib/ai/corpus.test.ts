import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { buildCatalogIndex } from "./catalog-index";
import { corpusItemSchema, evaluateCorpus } from "./evaluate-corpus";
import { BUY_CONFIDENCE_THRESHOLD, INTENTS, catalogProductSchema } from "./types";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../tests/fixtures/comments/${name}`, import.meta.url), "utf8")) as unknown;
const catalog = z.array(catalogProductSchema).parse(fixture("catalog.json"));
const corpus = z.array(corpusItemSchema).parse(fixture("corpus.json"));
const index = buildCatalogIndex(catalog);

describe("labelled comment corpus", () => {
  it("covers every language and intent with enough examples", () => {
    const count = (pred: (i: (typeof corpus)[number]) => boolean) => corpus.filter(pred).length;
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(count((i) => i.lang === "es")).toBeGreaterThanOrEqual(120);
    for (const locale of ["es-CL", "es-MX", "es-AR", "es-PE", "es-CO", "es-ES"]) expect(count((i) => i.locale === locale)).toBeGreaterThanOrEqual(25);
    expect(count((i) => i.lang === "pt")).toBeGreaterThanOrEqual(40);
    expect(count((i) => i.lang === "en")).toBeGreaterThanOrEqual(40);
    for (const lang of ["fr", "it", "ar"]) expect(count((i) => i.lang === lang)).toBeGreaterThanOrEqual(25);
    for (const intent of INTENTS) expect(count((i) => i.intent === intent)).toBeGreaterThanOrEqual(20);
  });

  it("only labels SKUs that exist in the catalog", () => {
    const skus = new Set(catalog.map((p) => p.sku));
    expect(corpus.filter((i) => i.sku !== null && !skus.has(i.sku))).toEqual([]);
  });

  it("keeps intent accuracy ≥ 0.90, SKU accuracy ≥ 0.85 and quantity accuracy ≥ 0.90", () => {
    const report = evaluateCorpus({ items: corpus, index, buyThreshold: BUY_CONFIDENCE_THRESHOLD });
    const misses = report.misses.map((m) => `${m.text} → ${m.got.intent}/${m.got.sku}/${m.got.quantity}`);
    expect(report.overall.intentAccuracy, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(report.overall.skuAccuracy, misses.join("\n")).toBeGreaterThanOrEqual(0.85);
    expect(report.overall.quantityAccuracy).toBeGreaterThanOrEqual(0.9);
    for (const [lang, s] of Object.entries(report.byLanguage)) expect(s.intentAccuracy, lang).toBeGreaterThanOrEqual(0.85);
  });

  it("is rarely confidently wrong: confident BUYs are right at least 97% of the time on the blind set", () => {
    const blind = z.array(corpusItemSchema).parse(fixture("blind.json"));
    const report = evaluateCorpus({ items: blind, index, buyThreshold: BUY_CONFIDENCE_THRESHOLD });
    expect(report.overall.intentAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(report.confidentBuyErrors.wrong / Math.max(1, report.confidentBuyErrors.confident)).toBeLessThanOrEqual(0.03);
  });
});

describe("seller-catalog evaluation sets", () => {
  it("has at least five catalogs of different stores, 300 labelled comments in es (several countries), pt and en, and a separate holdout", async () => {
    const { loadSellerCatalogs, loadSellerComments } = await import("../../tests/helpers/seller-catalogs");
    const catalogs = loadSellerCatalogs();
    const comments = loadSellerComments("comments");
    const holdout = loadSellerComments("holdout");
    expect(Object.keys(catalogs).length).toBeGreaterThanOrEqual(5);
    expect(comments.length).toBeGreaterThanOrEqual(300);
    expect(holdout.length).toBeGreaterThanOrEqual(100);
    const locales = new Set(comments.map((c) => c.locale));
    for (const l of ["es-CL", "es-MX", "es-AR", "es-CO", "es-PE", "pt-BR", "en"]) expect(locales.has(l as never), l).toBe(true);
    const texts = new Set(comments.map((c) => `${c.catalog}|${c.text}`));
    expect(holdout.filter((h) => texts.has(`${h.catalog}|${h.text}`))).toEqual([]);
    // No variant columns: sizes and colours live in names, SKUs and descriptions, as sellers write them.
    for (const c of Object.values(catalogs)) for (const p of c.products) expect(Object.keys(p).sort()).toEqual(["description", "keywords", "name", "price", "sku", "stock"]);
  });

  it("only labels SKUs and candidates that exist in the comment's catalog", async () => {
    const { loadSellerCatalogs, loadSellerComments } = await import("../../tests/helpers/seller-catalogs");
    const catalogs = loadSellerCatalogs();
    for (const set of ["comments", "holdout"] as const) {
      for (const c of loadSellerComments(set)) {
        const skus = new Set(catalogs[c.catalog!]!.products.map((p) => p.sku));
        for (const s of [c.sku, ...(c.candidates ?? [])].filter(Boolean)) expect(skus.has(s!), `${c.text} → ${s}`).toBe(true);
      }
    }
  });
});
