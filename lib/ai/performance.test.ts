import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildCatalogIndex } from "./catalog-index";
import { classifyWithRules } from "./classify-with-rules";
import type { CatalogProduct } from "./types";

const types = ["Polera", "Vestido", "Bolso", "Zapatillas", "Jeans", "Falda", "Chaqueta", "Blusa", "Gorro", "Collar"];
const colors = ["roja", "azul", "negra", "blanca", "verde", "gris", "rosada", "café", "dorada", "celeste"];
const styles = ["básica", "oversize", "estampada", "vintage", "urbana", "clásica"];

function syntheticCatalog(size: number): CatalogProduct[] {
  return Array.from({ length: size }, (_, i) => ({
    sku: `${String.fromCharCode(65 + (i % 26))}${100 + i}`,
    name: `${types[i % types.length]} ${styles[i % styles.length]} ${colors[(i * 7) % colors.length]}`,
    keywords: [types[i % types.length].toLowerCase(), styles[(i + 1) % styles.length]],
    color: colors[(i * 7) % colors.length],
    size: ["S", "M", "L", "XL"][i % 4],
    available: i % 5,
  }));
}

describe("rules engine performance", () => {
  it("classifies a comment in well under a millisecond against a 200-product catalog", () => {
    const buildStarted = performance.now();
    const index = buildCatalogIndex(syntheticCatalog(200));
    const buildMs = performance.now() - buildStarted;
    const corpus = JSON.parse(readFileSync(new URL("../../tests/fixtures/comments/corpus.json", import.meta.url), "utf8")) as Array<{ text: string }>;
    for (const c of corpus.slice(0, 50)) classifyWithRules({ text: c.text, index });

    const rounds = 5;
    const started = performance.now();
    for (let r = 0; r < rounds; r++) for (const c of corpus) classifyWithRules({ text: c.text, index });
    const meanMs = (performance.now() - started) / (rounds * corpus.length);

    expect(buildMs).toBeLessThan(500);
    expect(meanMs).toBeLessThan(1);
  });

  it("reuses the index built for a products array instead of rebuilding it", () => {
    const products = syntheticCatalog(200);
    classifyWithRules({ text: "quiero la A100", products });
    const started = performance.now();
    for (let i = 0; i < 200; i++) classifyWithRules({ text: "quiero la A100", products });
    expect((performance.now() - started) / 200).toBeLessThan(1);
    expect(classifyWithRules({ text: "quiero la A100", products }).sku).toBe("A100");
  });
});
