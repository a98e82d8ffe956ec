import { describe, expect, it } from "vitest";
import { buildCatalogIndex } from "./catalog-index";
import { classifyWithRules } from "./classify-with-rules";
import { inferVariants } from "./infer-variants";
import { BUY_CONFIDENCE_THRESHOLD, type CatalogProduct } from "./types";

/** The catalog of issue 13: sizes only in names and SKUs, no variant columns. */
function catalog(rows: Array<[string, string, string[]?]>): CatalogProduct[] {
  const variants = inferVariants(rows.map(([sku, name]) => ({ sku, name })));
  return rows.map(([sku, name, keywords = []], i) => ({ sku, name, keywords, color: variants[i]!.color, size: variants[i]!.size, group: variants[i]!.group }));
}
const shirts = buildCatalogIndex(
  catalog([
    ["CAM-AZU-S", "Camisa Azul S", ["camisa azul", "blusa azul"]],
    ["CAM-AZU-L", "Camisa Azul L", ["camisa azul", "blusa azul"]],
    ["CAM-BLA-M", "Camisa Blanca M"],
    ["1234", "Gorro de lana"],
    ["BAT.01", "Batom Matte Vinho"],
    ["SW-V", "Cashmere Sweater V Neck"],
    ["SW-CREW", "Cashmere Sweater Crew Neck"],
    ["ZAP-38", "Zapatilla Urbana Blanca 38"],
    ["ZAP-40", "Zapatilla Urbana Blanca 40"],
  ]),
);
const classify = (text: string, storeLocale = "es-CL") => classifyWithRules({ text, index: shirts, storeLocale });

describe("real catalogs: the size in the name decides", () => {
  it("picks the size the buyer named", () => {
    expect(classify("Quiero 2 de la camisa azul S")).toMatchObject({ intent: "BUY", sku: "CAM-AZU-S", quantity: 2 });
    expect(classify("me llevo la camisa azul talla L")).toMatchObject({ intent: "BUY", sku: "CAM-AZU-L" });
    expect(classify("zapatilla blanca 40")).toMatchObject({ intent: "BUY", sku: "ZAP-40" });
  });

  it("asks which size when the buyer names none, or one the product does not come in", () => {
    for (const text of ["quiero la camisa azul", "quiero la camisa azul talla M"]) {
      const r = classify(text);
      expect(r, text).toMatchObject({ intent: "BUY", sku: null });
      expect(new Set(r.candidates), text).toEqual(new Set(["CAM-AZU-S", "CAM-AZU-L"]));
    }
  });

  it("offers the closest products when nothing matches (never a silent BUY)", () => {
    const r = classify("quiero la camisa verde talla M");
    expect(r).toMatchObject({ intent: "BUY", sku: null });
    expect(r.candidates).toBeUndefined();
    expect(r.closest?.[0]).toBe("CAM-BLA-M");
  });
});

describe("codes of any shape", () => {
  it.each([
    ["CAM-AZU-S", "CAM-AZU-S", 1],
    ["cam-azu-s 1", "CAM-AZU-S", 1],
    ["cam azu s", "CAM-AZU-S", 1],
    ["camazus", "CAM-AZU-S", 1],
    ["CAM AZU L x2", "CAM-AZU-L", 2],
    ["cam.azu.l", "CAM-AZU-L", 1],
    ["SOLD CAM-BLA-M", "CAM-BLA-M", 1],
    ["1234", "1234", 1],
    ["quiero 2 del 1234", "1234", 2],
    ["BAT.01", "BAT.01", 1],
    ["bat 1", "BAT.01", 1],
    ["sw-v", "SW-V", 1],
  ])("reads %s as %s", (text, sku, quantity) => {
    const r = classify(text);
    expect(r).toMatchObject({ intent: "BUY", sku, quantity });
    expect(r.confidence).toBeGreaterThanOrEqual(BUY_CONFIDENCE_THRESHOLD);
  });

  it("reads a code's leading segments as the product, narrowed by a size after it", () => {
    expect(new Set(classify("cam azu").candidates)).toEqual(new Set(["CAM-AZU-S", "CAM-AZU-L"]));
    expect(classify("CAM-AZU talla L")).toMatchObject({ sku: "CAM-AZU-L" });
  });

  it("an exact code wins over every fuzzy reading, and the typo corrector leaves code segments alone", () => {
    const r = classify("cam-azu-s");
    expect(r.sku).toBe("CAM-AZU-S");
    expect(r.reason).not.toMatch(/typo/);
    expect(classify("cam azu m").reason).not.toMatch(/typo azu/);
  });

  it("does not read ordinary words as a letters-only code", () => {
    const index = buildCatalogIndex([{ sku: "SET", name: "Set de aros", keywords: [] }, { sku: "LA-M", name: "Lámpara", keywords: [] }]);
    expect(classifyWithRules({ text: "la m", index }).sku).toBeNull();
    expect(classifyWithRules({ text: "LA-M", index }).sku).toBe("LA-M");
  });
});

describe("real catalogs: numbers inside names and children's ages", () => {
  const phones = buildCatalogIndex(
    catalog([
      ["FUN-IP13", "Funda iPhone 13 transparente", ["forro", "carcasa"]],
      ["FUN-IP14", "Funda iPhone 14 transparente", ["forro", "carcasa"]],
      ["VID-IP13", "Vidrio templado iPhone 13", ["mica", "protector"]],
    ]),
  );
  const kids = buildCatalogIndex(
    catalog([
      ["PIJ-DIN-2", "Pijama Dinosaurio 2 años", ["pijama", "dino"]],
      ["PIJ-DIN-4", "Pijama Dinosaurio 4 años", ["pijama", "dino"]],
      ["PIJ-DIN-6", "Pijama Dinosaurio 6 años", ["pijama", "dino"]],
      ["BOD-3P", "Bodys bebé pack x3 0-3 meses", ["body", "bodys"]],
    ]),
  );
  const on = (index: ReturnType<typeof buildCatalogIndex>, text: string) => classifyWithRules({ text, index, storeLocale: "es-PE" });

  it("never reads a model number of the catalog as a quantity", () => {
    expect(on(phones, "quiero el forro del iphone 13")).toMatchObject({ intent: "BUY", sku: "FUN-IP13", quantity: 1 });
    expect(on(phones, "yo quiero la mica del 13")).toMatchObject({ intent: "BUY", sku: "VID-IP13", quantity: 1 });
    // A count is still a count: beside the model number, or marked.
    expect(on(phones, "2 fundas iphone 14")).toMatchObject({ sku: "FUN-IP14", quantity: 2 });
    expect(on(phones, "quiero 3 del iphone 13 funda")).toMatchObject({ sku: "FUN-IP13", quantity: 3 });
  });

  it("reads a child's age as the size, in the words buyers use, and never as a count", () => {
    expect(on(kids, "quiero la pijama de dino talla 4")).toMatchObject({ intent: "BUY", sku: "PIJ-DIN-4", quantity: 1 });
    expect(on(kids, "2 pijamas dinosaurio de 6 años")).toMatchObject({ intent: "BUY", sku: "PIJ-DIN-6", quantity: 2 });
    expect(on(kids, "separame el pijama de 2 añitos")).toMatchObject({ intent: "BUY", sku: "PIJ-DIN-2", quantity: 1 });
    const none = on(kids, "quiero el pijama dinosaurio");
    expect(none.sku).toBeNull();
    expect(new Set(none.candidates)).toEqual(new Set(["PIJ-DIN-2", "PIJ-DIN-4", "PIJ-DIN-6"]));
  });

  it("asks about two sizes named in one comment instead of picking the first", () => {
    const r = on(kids, "me llevo el pijama dino de 2 años y el de 4 años");
    expect(r).toMatchObject({ intent: "BUY", sku: null });
    expect(new Set(r.candidates)).toEqual(new Set(["PIJ-DIN-2", "PIJ-DIN-4"]));
    expect(on(kids, "pijama dino 6")).toMatchObject({ sku: "PIJ-DIN-6", quantity: 1 });
  });

  it("never typo-corrects a word of the catalog's names, and matches a unit written against its number", () => {
    const kitchen = buildCatalogIndex(
      catalog([
        ["OLL-EXP", "Olla exprés 6 litros"],
        ["TAP-500", "Taper hermético 500 ml", ["taper"]],
        ["TAP-1L", "Taper hermético 1 litro", ["taper"]],
      ]),
    );
    // "olla" with one "l" less is the greeting "ola".
    expect(on(kitchen, "quiero la olla")).toMatchObject({ intent: "BUY", sku: "OLL-EXP" });
    expect(on(kitchen, "1 olla expres porfavor")).toMatchObject({ intent: "BUY", sku: "OLL-EXP", quantity: 1 });
    expect(on(kitchen, "quiero 4 taper de 500ml")).toMatchObject({ intent: "BUY", sku: "TAP-500", quantity: 4 });
  });

  it("takes a marked count beside a product as an order, and a count in the product's own name as its name", () => {
    expect(on(kids, "pack de bodys para recien nacido x2")).toMatchObject({ intent: "BUY", sku: "BOD-3P", quantity: 2 });
    expect(on(kids, "quiero el pack x3 de bodys")).toMatchObject({ intent: "BUY", sku: "BOD-3P", quantity: 1 });
  });
});

describe("real catalogs: toddler sizes and half shoe sizes (a US boutique)", () => {
  const boutique = buildCatalogIndex(
    catalog([
      ["ROMP-2T", "Floral Romper 2T", ["romper"]],
      ["ROMP-3T", "Floral Romper 3T", ["romper"]],
      ["BOOT-8", "Suede Ankle Boot size 8", ["boots"]],
      ["BOOT-85", "Suede Ankle Boot size 8.5", ["boots"]],
      ["BOOT-9", "Suede Ankle Boot size 9", ["boots"]],
    ]),
  );
  const en = (text: string) => classifyWithRules({ text, index: boutique, storeLocale: "en" });

  it("reads 2T as the size, in the name and in the comment", () => {
    expect(en("sold romper 2T")).toMatchObject({ intent: "BUY", sku: "ROMP-2T", quantity: 1 });
    expect(en("I'll take the romper in 3T please")).toMatchObject({ intent: "BUY", sku: "ROMP-3T", quantity: 1 });
    expect(en("sold 2 rompers 2T")).toMatchObject({ intent: "BUY", sku: "ROMP-2T", quantity: 2 });
  });

  it("reads 8.5 as a half size, never as 5 units", () => {
    expect(en("mine! boots size 8.5")).toMatchObject({ intent: "BUY", sku: "BOOT-85", quantity: 1 });
    expect(en("sold boots 9")).toMatchObject({ intent: "BUY", sku: "BOOT-9", quantity: 1 });
  });
});
