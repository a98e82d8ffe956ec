import { describe, expect, it } from "vitest";
import { describeGroups, inferProductVariant, inferVariants } from "./infer-variants";

const one = (name: string, sku = "X-1", description = "") => inferProductVariant({ sku, name, description });

describe("variant inference from what the seller wrote", () => {
  it.each([
    ["Camisa Azul S", "S"],
    ["Polera Negra XL", "XL"],
    ["Vestido XXS", "XXS"],
    ["Polerón 3XL", "3XL"],
    ["Jeans Mom talla 38", "38"],
    ["Blusa Cropped Branca tam. P", "P"],
    ["Moletom tamanho GG", "GG"],
    ["Tank Top size L", "L"],
    ["Botín Café T.38", "38"],
    ["Sandalia Dorada n° 35", "35"],
    ["Mocasín de cuero 43", "43"],
    ["Gold Hoop Earrings Small", "S"],
  ])("reads the size of %s", (name, size) => {
    expect(one(name).size).toBe(size);
  });

  it.each([
    ["Paleta de Sombras Nude 12 cores"],
    ["Base Líquida Tom 110 Clara"],
    ["Set de scrunchies x3"],
    ["Vestido Floreado Talla Única"],
    ["Botella 1 L"],
    ["Bolso de cuero café"],
  ])("finds no size in %s", (name) => {
    expect(one(name).size).toBeNull();
  });

  it("reads children's ages and small sizes after a size word as sizes, and leaves other numbers alone", () => {
    const v = inferVariants([
      { sku: "PIJ-2", name: "Pijama Dinosaurio 2 años" },
      { sku: "PIJ-4", name: "Pijama Dinosaurio 4 años" },
      { sku: "POL-8", name: "Polera niño talla 8" },
      { sku: "POL-10", name: "Polera niño talla 10" },
      { sku: "TEE-6", name: "Kids Tee 6 years" },
      { sku: "OLL", name: "Olla exprés 6 litros" },
      { sku: "VAS", name: "Vasos de vidrio #6" },
    ]);
    expect(v.map((x) => x.size)).toEqual(["2 años", "4 años", "8", "10", "6 years", null, null]);
    expect(v[0]!.group).toBe("Pijama Dinosaurio");
    expect(v[2]!.group).toBe("Polera niño");
  });

  it("takes the size from the SKU or the description when the name has none", () => {
    expect(one("Polerón Gris", "PLR-GRI-M").size).toBe("M");
    expect(one("Polerón Gris", "PLR-GRI", "Talla L. Algodón perchado").size).toBe("L");
    expect(one("Jeans Mom", "JEA-MOM-40").size).toBe("40");
    // A number at the end of a two-part code is a size only if the name says it too.
    expect(one("Falda plisada rosada", "S-50").size).toBeNull();
  });

  it("reads colours and shades in several languages, and from SKU segments as a last resort", () => {
    expect(one("Camisa Azul S").color).toBe("Azul");
    expect(one("Batom Matte Nude Rosado").color).toBe("Nude Rosado");
    expect(one("Base Líquida Tom 110 Clara").color).toBe("Tom 110 Clara");
    expect(one("Linen Shirt White").color).toBe("White");
    expect(one("Moletom Cinza G").color).toBe("Cinza");
    expect(one("Baseball Cap Navy").color).toBe("Navy");
    expect(one("Pull col V", "PUL-BLK").color).toBe("Black");
  });

  it("keeps what the seller set explicitly", () => {
    const v = inferProductVariant({ sku: "CAM-AZU-S", name: "Camisa Azul S", color: "Celeste", size: "M" });
    expect(v).toMatchObject({ color: "Celeste", size: "M", colorInferred: false, sizeInferred: false });
  });

  it("groups products that differ only by size and colour, and shows the groups as a seller reads them", () => {
    const products = [
      { sku: "CAM-AZU-S", name: "Camisa Azul S" },
      { sku: "CAM-AZU-L", name: "Camisa Azul L" },
      { sku: "POL-NEG-M", name: "Polera Negra M" },
      { sku: "VES-FLO", name: "Vestido Floreado Talla Única" },
    ];
    const variants = inferVariants(products);
    expect(variants.map((v) => v.group)).toEqual(["Camisa", "Camisa", null, null]);
    expect(variants[0]!.inferred).toEqual({ color: true, size: true, group: true });
    expect(describeGroups(products.map((p, i) => ({ name: p.name, variant: variants[i]! })))).toEqual([{ group: "Camisa", variants: ["Azul S", "Azul L"] }]);
  });

  it("does not group identical products that do not differ, and keeps an explicit group", () => {
    const variants = inferVariants([
      { sku: "A", name: "Collar luna" },
      { sku: "B", name: "Collar luna" },
      { sku: "C", name: "Aros", group: "Joyas" },
    ]);
    expect(variants.map((v) => v.group)).toEqual([null, null, "Joyas"]);
    expect(variants[2]!.inferred.group).toBe(false);
  });
});
