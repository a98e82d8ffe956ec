import { describe, expect, it } from "vitest";
import { renderChoiceDm, renderQuestionAnswer, renderSellerWillAnswerDm, renderWhichProductDm } from "./index";
import { CATALOGS } from "@/lib/i18n/bot";
import { MESSAGE_LOCALES } from "./types";

const options = [{ title: "S", token: "c1_0" }, { title: "L", token: "c1_1" }];

describe("asking which product or variant", () => {
  it("asks for the size in the buyer's language with one quick reply per option and the sold-out ones named", () => {
    const es = renderChoiceDm({ locale: "es-CL", kind: "size", product: "Camisa Azul", options, soldOut: ["M"] });
    expect(es.message).toMatchObject({ text: "¿Qué talla de Camisa Azul quieres?\nAgotado: M.", quick_replies: [{ title: "S", payload: "PICK:c1_0" }, { title: "L", payload: "PICK:c1_1" }] });
    expect(renderChoiceDm({ locale: "pt-BR", kind: "color", product: "Moletom", options, soldOut: [] }).text).toContain("Qual cor de Moletom");
    expect(renderChoiceDm({ locale: "en", kind: "option", product: "", options, soldOut: [] }).text).toContain("Which one would you like?");
    // Without quick replies the options are still readable.
    expect(JSON.stringify(es.fallback)).toContain("S · L");
  });

  it("asks 'which product?' and, with nothing close, says the seller will answer", () => {
    expect(renderWhichProductDm({ locale: "es", options, soldOut: [] }).text).toContain("¿Cuál producto quieres?");
    const note = renderSellerWillAnswerDm({ locale: "en", buyerName: "Carla Soto", storeName: "Tienda Ana" });
    expect(note.text).toBe("Thanks Carla! We couldn't find that product in the catalog; Tienda Ana will answer you here shortly 🙌");
    expect(note.message).not.toHaveProperty("quick_replies");
  });

  it("has every new text in all six languages", () => {
    for (const locale of MESSAGE_LOCALES) for (const key of ["chooseSize", "chooseColor", "chooseOption", "soldOutOptions", "allSoldOut", "whichProduct", "sellerWillAnswer", "choiceExpired", "answerPrice", "answerSizes", "answerColors", "answerStockLeft", "answerSoldOut", "answerHowToBuy"] as const) {
      expect(CATALOGS[locale][key], `${locale}.${key}`).toBeTruthy();
    }
  });
});

describe("answers to questions from the catalog", () => {
  const camisa = (sku: string, size: string, available: number) => ({ sku, name: `Camisa Azul ${size}`, group: "Camisa", color: "Azul", size, priceMinor: 14990, available });

  it("gives the price and the sizes (sold-out ones marked), ending with how to buy, in the buyer's language", () => {
    const es = renderQuestionAnswer({ locale: "es-CL", storeLocale: "es-CL", currency: "CLP", topics: ["price", "size"], products: [camisa("CAM-AZU-S", "S", 3), camisa("CAM-AZU-L", "L", 0)] });
    expect(es.text).toBe("Camisa Azul: $14.990 · tallas S, L (agotado)\nComenta «quiero CAM-AZU-S» y te lo reservamos 🛍️");
    const en = renderQuestionAnswer({ locale: "en", storeLocale: "es-CL", currency: "CLP", topics: ["stock"], products: [camisa("CAM-AZU-S", "S", 3), camisa("CAM-AZU-L", "L", 2)] });
    expect(en.text).toContain("sizes S (3 left), L (2 left)");
    expect(en.text).toContain('Comment "want CAM-AZU-S"');
  });

  it("answers the stock of a single product, and names each product when several differ", () => {
    const one = renderQuestionAnswer({ locale: "pt-BR", storeLocale: "pt-BR", currency: "BRL", topics: ["stock"], products: [{ sku: "GLOSS.01", name: "Gloss Labial", group: null, color: null, size: null, priceMinor: 2990, available: 0 }] });
    expect(one.text).toMatch(/^Gloss Labial: R\$\s?29,90 · esgotado\n/);
    const bags = renderQuestionAnswer({ locale: "en", storeLocale: "en-US", currency: "USD", topics: ["price"], products: [{ sku: "T", name: "Classic Tote Bag", group: null, color: null, size: null, priceMinor: 7900, available: 1 }, { sku: "M", name: "Mini Tote Bag", group: null, color: null, size: null, priceMinor: 5900, available: 1 }] });
    expect(bags.text.split("\n").slice(0, 2)).toEqual(["Classic Tote Bag: $79.00", "Mini Tote Bag: $59.00"]);
  });
});
