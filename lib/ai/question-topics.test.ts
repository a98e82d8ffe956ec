import { describe, expect, it } from "vitest";
import { buildCatalogIndex } from "./catalog-index";
import { classifyWithRules } from "./classify-with-rules";

const index = buildCatalogIndex([
  { sku: "CAM-AZU-S", name: "Camisa Azul S", keywords: [], color: "Azul", size: "S", group: "Camisa" },
  { sku: "CAM-AZU-L", name: "Camisa Azul L", keywords: [], color: "Azul", size: "L", group: "Camisa" },
  { sku: "CHA-NEG", name: "Chaqueta de cuero negra", keywords: [], color: "negra" },
]);
const topics = (text: string) => classifyWithRules({ text, index }).topics;

describe("what a question asks that the catalog can answer", () => {
  it.each([
    ["¿cuánto sale la camisa azul?", ["price"]],
    ["precio?", ["price"]],
    ["hay stock de la camisa azul S?", ["stock", "size"]],
    ["¿qué tallas tiene la camisa?", ["size"]],
    ["tienen la chaqueta en café?", ["stock", "color"]],
    ["how much is the blue shirt?", ["price"]],
    ["quanto custa a camisa azul?", ["price"]],
    ["quais cores tem a camisa?", ["stock", "color"]],
  ])("%s → %j", (text, expected) => {
    expect(classifyWithRules({ text, index }).intent).toBe("QUESTION");
    expect(topics(text)).toEqual(expected);
  });

  it("finds nothing to answer in questions the catalog cannot answer", () => {
    expect(topics("hacen envíos a regiones?")).toEqual([]);
    expect(topics("¿de qué material es la chaqueta?")).toEqual([]);
  });
});
