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

// Speed is measured by `npm run eval:ai` ("rules engine speed: … µs per comment") and `npm run bench`,
// never asserted in a test (a busy machine would make it fail for nothing).
describe("rules engine on a large catalog", () => {
  it("reads the corpus against a 200-product catalog, the same answer each time", () => {
    const index = buildCatalogIndex(syntheticCatalog(200));
    const corpus = JSON.parse(readFileSync(new URL("../../tests/fixtures/comments/corpus.json", import.meta.url), "utf8")) as Array<{ text: string }>;
    const first = corpus.map((c) => classifyWithRules({ text: c.text, index }));
    const again = corpus.map((c) => classifyWithRules({ text: c.text, index }));
    expect(again).toEqual(first);
    expect(first.some((d) => d.intent === "BUY")).toBe(true);
  });

  it("classifies from a products array (its index is built once per array) exactly like from the index", () => {
    const products = syntheticCatalog(200);
    const index = buildCatalogIndex(products);
    for (const text of ["quiero la A100", "me llevo 2 B101", "hola!"]) {
      expect(classifyWithRules({ text, products })).toEqual(classifyWithRules({ text, index }));
    }
    expect(classifyWithRules({ text: "quiero la A100", products }).sku).toBe("A100");
  });
});
