import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildCatalogIndex } from "./catalog-index";
import { classifyWithRules } from "./classify-with-rules";
import { BUY_CONFIDENCE_THRESHOLD, type CatalogProduct } from "./types";

const catalog = JSON.parse(readFileSync(new URL("../../tests/fixtures/comments/catalog.json", import.meta.url), "utf8")) as CatalogProduct[];
const index = buildCatalogIndex(catalog);
const classify = (text: string) => classifyWithRules({ text, index });

describe("negation and correction", () => {
  it.each([
    ["no quiero la polera roja, quiero la azul", "A13"],
    ["no quiero la camiseta roja, quiero la azul", "A13"],
    ["je veux pas le t-shirt rouge, je veux le noir", "A14"],
    ["non la maglietta rossa, voglio quella nera", "A14"],
    ["ما ابي التيشيرت الاحمر، ابي الاسود", "A14"],
    ["no quiero la A12, quiero la A13", "A13"],
  ])("buys the corrected product: %s", (text, sku) => {
    expect(classify(text)).toMatchObject({ intent: "BUY", sku, quantity: 1 });
  });

  it("keeps a correction that names only a colour ambiguous instead of guessing", () => {
    const r = classify("no quiero la roja, quiero la azul");
    expect(r.intent).toBe("BUY");
    expect(r.sku).toBeNull();
    expect(r.candidates).toEqual(expect.arrayContaining(["A13", "P-201", "CH-10"]));
    expect(r.candidates).not.toContain("A12");
    expect(r.confidence).toBeLessThan(BUY_CONFIDENCE_THRESHOLD);
  });

  it.each(["ya no quiero", "ya no lo quiero", "não quero mais a A13", "I don't want the sneakers anymore", "non lo voglio più", "je ne veux plus la jupe rose", "ما ابغاه خلاص"])(
    "reads no-longer-wanting as CANCEL: %s",
    (text) => {
      expect(classify(text).intent).toBe("CANCEL");
    },
  );

  it("keeps the product of what is being cancelled", () => {
    expect(classify("ya no quiero la A12, cancelen porfa")).toMatchObject({ intent: "CANCEL", sku: "A12", quantity: null });
  });
});

describe("laughter, sarcasm and hypotheticals", () => {
  it.each(["jaja quiero todo pero no tengo plata", "kkkk", "kkkk quero tudo mas tô sem dinheiro", "hahaha i wish", "ojalá tuviera plata", "lol I want everything but I'm broke", "ahahah magari avessi i soldi", "ههههه ياريت عندي فلوس", "si tuviera plata me compraba la A12"])(
    "is not an order: %s",
    (text) => {
      const r = classify(text);
      expect(r.intent).toBe("OTHER");
      expect(r.quantity).toBeNull();
    },
  );

  it("marks a joking want as low-confidence OTHER with purchase cues, so the LLM double-checks it", () => {
    const r = classify("jaja quiero todo pero no tengo plata");
    expect(r.confidence).toBeLessThan(BUY_CONFIDENCE_THRESHOLD);
    expect(r.buySignal).toBe(true);
  });

  it("does not read the idiom 'al verde' (broke) as the colour green", () => {
    expect(classify("ahah voglio tutto ma sono al verde")).toMatchObject({ intent: "OTHER", sku: null });
  });

  it("still takes a specific claim made while laughing, with less confidence", () => {
    const laughing = classify("jajaja yo quiero la A12");
    const plain = classify("yo quiero la A12");
    expect(laughing).toMatchObject({ intent: "BUY", sku: "A12" });
    expect(laughing.confidence).toBeLessThan(plain.confidence);
  });
});

describe("questions", () => {
  it.each([
    ["precio?", null],
    ["tem tamanho G?", null],
    ["how much", null],
    ["بكم", null],
    ["combien le sac en cuir ?", "B07"],
    ["quisiera saber el precio de los lentes de sol", "ACC-03"],
    ["is the pink skirt still available?", "S-50"],
  ])("%s → QUESTION", (text, sku) => {
    expect(classify(text)).toMatchObject({ intent: "QUESTION", sku, quantity: null });
  });

  it("lists both red products when asked about 'la roja'", () => {
    const r = classify("¿cuánto cuesta la roja?");
    expect(r.intent).toBe("QUESTION");
    expect(r.candidates?.sort()).toEqual(["A12", "V-303"]);
  });

  it("treats 'how do I buy it' as a purchase, not a question", () => {
    expect(classify("cómo lo compro la A12?")).toMatchObject({ intent: "BUY", sku: "A12" });
    expect(classify("como faço pra comprar a blusa branca?")).toMatchObject({ intent: "BUY", sku: "BL-7" });
  });

  it("answers a buy verb plus a price question as BUY", () => {
    expect(classify("quiero 2 de la A13, cuánto es?")).toMatchObject({ intent: "BUY", sku: "A13", quantity: 2 });
  });
});

describe("greetings", () => {
  it.each(["hola desde Lima!", "boa noite", "hi!", "السلام عليكم", "bonsoir de Lyon 👋", "buonasera da Napoli", "wena wena, saludos a todas"])("%s → GREETING", (text) => {
    expect(classify(text)).toMatchObject({ intent: "GREETING", sku: null, quantity: null });
  });

  it("lets a purchase in the same comment win over the greeting", () => {
    expect(classify("hola! quiero la A12")).toMatchObject({ intent: "BUY", sku: "A12" });
  });
});

describe("cancel", () => {
  it.each(["cancelar", "cancel my order", "annuler", "j'annule ma commande svp", "annulla l'ordine", "الغاء الطلب", "cancelen mi pedido plis"])("%s → CANCEL", (text) => {
    expect(classify(text)).toMatchObject({ intent: "CANCEL", quantity: null });
  });

  it("does not cancel when the buyer says not to", () => {
    expect(classify("no cancelen, lo quiero").intent).toBe("BUY");
  });
});

describe("opt-out and erasure", () => {
  it.each(["STOP", "no me manden mensajes", "unsubscribe", "parar", "arrêter", "dadme de baja, no quiero más mensajes", "ne m'envoyez plus de messages", "لا ترسلوا لي رسائل"])(
    "%s → OPT_OUT without erasure",
    (text) => {
      expect(classify(text)).toMatchObject({ intent: "OPT_OUT", erase: false, sku: null });
    },
  );

  it.each(["ELIMINAR MIS DATOS", "delete my data", "apagar meus dados", "supprimez mes données", "cancellate i miei dati", "احذف بياناتي"])("%s → OPT_OUT with erasure", (text) => {
    expect(classify(text)).toMatchObject({ intent: "OPT_OUT", erase: true });
  });

  it("does not opt out on 'para' or 'stop' used in a normal sentence", () => {
    expect(classify("el vestido rojo para mi hija").intent).not.toBe("OPT_OUT");
    expect(classify("can't stop looking at the A12 lol").intent).not.toBe("OPT_OUT");
  });

  it("never marks erasure on anything but OPT_OUT", () => {
    expect(classify("quiero la A12").erase).toBe(false);
  });
});

describe("noisy input", () => {
  it("ignores @mentions", () => {
    expect(classify("@ana_perez yo también quiero la C30")).toMatchObject({ intent: "BUY", sku: "C30" });
  });

  it("reads a raised-hand emoji alone as a claim", () => {
    expect(classify("🙋‍♀️")).toMatchObject({ intent: "BUY", sku: null });
  });

  it("handles shouting and stretched letters", () => {
    expect(classify("QUIEROOOO LA A13!!!")).toMatchObject({ intent: "BUY", sku: "A13" });
    expect(classify("quieroooo la polera rojaaaa")).toMatchObject({ intent: "BUY", sku: "A12" });
  });

  it("reads injected HTML and SQL as plain text and never echoes it", () => {
    const html = classify("<script>alert(1)</script><b>quiero</b> la <i>A14</i>");
    expect(html).toMatchObject({ intent: "BUY", sku: "A14" });
    expect(html.reason).not.toMatch(/[<>]/);
    const sql = classify("'; DROP TABLE orders; -- yo la B07");
    expect(sql).toMatchObject({ intent: "BUY", sku: "B07" });
    expect(sql.reason.toLowerCase()).not.toContain("drop table");
  });

  it("never throws on empty, huge or odd input", () => {
    for (const text of ["", "   ", "x".repeat(50_000), "\u0000\u0001", "😂".repeat(500), "١٢٣", "%s%s%n"]) {
      const r = classify(text);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe("quantities", () => {
  it.each([
    ["quiero 2 A12", 2],
    ["dos remeras blancas porfa", 2],
    ["want 2 white tees", 2],
    ["je prends deux t-shirts blancs", 2],
    ["ne prendo due di maglietta bianca", 2],
    ["quero duas A13", 2],
    ["B07 اثنين", 2],
    ["a12 x2", 2],
    ["2x A13", 2],
    ["p201 x 2", 2],
    ["quiero 3 unidades de la A12", 3],
    ["dame tres pares de aretes dorados", 3],
    ["un par de remeras negras", 2],
    ["un par de zapatillas blancas", 1],
    ["zapatillas blancas talla 38", 1],
    ["quiero la A12 a 15 mil", 1],
    ["quiero la A12", 1],
  ])("%s → %i", (text, quantity) => {
    expect(classify(text)).toMatchObject({ intent: "BUY", quantity });
  });

  it("is null for anything but BUY", () => {
    expect(classify("cuánto cuestan 2 poleras?").quantity).toBeNull();
  });
});

describe("product matching", () => {
  it.each(["a12", "A-12", "a 12", "SOLD A12 x2", "quiero la a12"])("finds the SKU in %s", (text) => {
    expect(classify(text).sku).toBe("A12");
  });

  it("ignores zero padding in codes", () => {
    expect(classify("acc1").sku).toBe("ACC-01");
  });

  it.each(["quiero la remera roja", "playera roja porfa", "I'll take the red tee", "je veux le t-shirt rouge", "voglio la maglietta rossa", "ابي التيشيرت الاحمر", "quero a camiseta vermelha"])(
    "maps synonyms across languages to the catalog's polera roja: %s",
    (text) => {
      expect(classify(text).sku).toBe("A12");
    },
  );

  it("reads 'jean' after another garment as its fabric", () => {
    expect(classify("yo la campera de jean").sku).toBe("CH-10");
    expect(classify("I want the jean jacket").sku).toBe("CH-10");
    expect(classify("quiero el jean skinny").sku).toBe("P-201");
  });

  it("uses sizes to tell variants apart", () => {
    expect(classify("quiero la polera talla S").sku).toBe("A15");
  });

  it("corrects typos, with less confidence than an exact match", () => {
    const typo = classify("quiero la polrea roja");
    const exact = classify("quiero la polera roja");
    expect(typo.sku).toBe("A12");
    expect(typo.confidence).toBeLessThan(exact.confidence);
    expect(typo.reason).toContain("polrea→polera");
  });

  it("does not turn ordinary words into products by typo matching", () => {
    expect(classify("hola a todos desde Rosario").sku).toBeNull();
    expect(classify("@Jose mira jaja").sku).toBeNull();
  });

  it("reports equally likely products as candidates with low confidence", () => {
    const r = classify("quiero la roja");
    expect(r).toMatchObject({ intent: "BUY", sku: null });
    expect(r.candidates?.sort()).toEqual(["A12", "V-303"]);
    expect(r.confidence).toBeLessThan(BUY_CONFIDENCE_THRESHOLD);
  });

  it("returns null for a code the catalog does not have", () => {
    expect(classify("quiero la A99")).toMatchObject({ intent: "BUY", sku: null });
  });
});

describe("confidence", () => {
  it("is high for a clear SKU with a buy verb", () => {
    expect(classify("quiero la A12").confidence).toBeGreaterThanOrEqual(0.9);
    expect(classify("SOLD A12").confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("asks (below the threshold) when the product is unknown or unclear", () => {
    for (const text of ["la quiero", "yo", "quiero la roja", "polera porfa"]) {
      expect(classify(text).confidence, text).toBeLessThan(BUY_CONFIDENCE_THRESHOLD);
    }
  });

  it("lowers confidence when the words contradict the SKU", () => {
    expect(classify("quiero la A12 azul").confidence).toBeLessThan(classify("quiero la A12 roja").confidence);
  });
});

describe("language", () => {
  it.each([
    ["quiero la A12", "es"],
    ["eu quero a A12", "pt"],
    ["I want the A12", "en"],
    ["je veux la A12", "fr"],
    ["voglio la A12", "it"],
    ["أريد A12", "ar"],
  ])("%s → %s", (text, language) => {
    expect(classify(text).language).toBe(language);
  });

  it("falls back to the store's language when the comment gives no clue", () => {
    expect(classifyWithRules({ text: "A12", index, storeLocale: "pt-BR" }).language).toBe("pt");
  });

  it.each([
    ["quiero la A12", "es"],
    ["eu quero a bolsa preta", "pt"],
    ["I want the A12", "en"],
    ["I'll take the A12 please", "en"],
    ["أريد A12", "ar"],
  ])("a comment whose words name one language is clear: %s → %s", (text, language) => {
    expect(classifyWithRules({ text, index, storeLocale: "es-CL" })).toMatchObject({ language, languageEvidence: "clear" });
  });

  // What Spanish-speaking buyers on Facebook Live type to claim an item: no sign that they read English.
  it.each(["SOLD CAL-LAN", "SOLD A12", "sold a12 x2", "mine A12", "me A12", "A12", "A12 M", "2", "🔥🔥 A12", "ok A12", "SOLD A12 plis", "jajaja A12", "MINE POL-ROJ-M"])(
    "codes, numbers, sizes, emoji and claim words such as SOLD are language-neutral: %s",
    (text) => {
      expect(classifyWithRules({ text, index, storeLocale: "es-CL" }).languageEvidence).toBe("neutral");
    },
  );

  it("a neutral word does not outvote the words that do name a language", () => {
    expect(classifyWithRules({ text: "quiero la A12 sold", index, storeLocale: "en-US" })).toMatchObject({ language: "es", languageEvidence: "clear" });
  });

  it("words that fit several languages equally leave the language open", () => {
    // "quero" is Portuguese and a common Spanish misspelling.
    expect(classifyWithRules({ text: "quero A12", index, storeLocale: "es-CL" }).languageEvidence).toBe("ambiguous");
  });
});
