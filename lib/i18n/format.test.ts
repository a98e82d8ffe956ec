import { describe, expect, test } from "vitest";
import { format, pluralKeysOf } from "./format";
import { messages } from "./index";

const FSI = "\u2068";
const PDI = "\u2069";
const plain = (s: string) => s.replaceAll(FSI, "").replaceAll(PDI, "");

describe("format: placeholders", () => {
  test("fills {name} and leaves unknown placeholders and lone braces alone", () => {
    expect(format("Hola {name}, {missing} {", { name: "Ana" })).toBe("Hola Ana, {missing} {");
    expect(format("Order #{number}", { number: 12 })).toBe("Order #12");
  });
});

describe("format: plurals (Intl.PluralRules)", () => {
  const sold = "{units, plural, one {# vendido} other {# vendidos}}";
  test("'1 vendido', not '1 vendidos', and other counts in the plural", () => {
    expect(format(sold, { units: 1 }, "es")).toBe("1 vendido");
    expect(format(sold, { units: 0 }, "es")).toBe("0 vendidos");
    expect(format(sold, { units: 3 }, "es")).toBe("3 vendidos");
  });

  test("# is the number formatted for the locale", () => {
    expect(format(sold, { units: 12345 }, "es")).toBe("12.345 vendidos");
    expect(format("{n, plural, one {# sold} other {# sold}}", { n: 12345 }, "en")).toBe("12,345 sold");
  });

  test("exact =N branches win over categories; a missing category falls back to other", () => {
    const t = "{n, plural, =0 {none yet} one {one item} other {# items}}";
    expect(format(t, { n: 0 }, "en")).toBe("none yet");
    expect(format(t, { n: 1 }, "en")).toBe("one item");
    expect(format(t, { n: 1000000 }, "es")).toBe("1.000.000 items"); // es "many" is not in the template
  });

  test("Portuguese counts 0 and 1 as singular, English only 1", () => {
    const t = "{n, plural, one {singular} other {plural}}";
    expect(format(t, { n: 0 }, "pt")).toBe("singular");
    expect(format(t, { n: 0 }, "en")).toBe("plural");
  });

  test("Arabic picks all six categories", () => {
    const t = "{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}";
    expect([0, 1, 2, 3, 11, 100].map((n) => plain(format(t, { n }, "ar")))).toEqual(["z", "o", "t", "f", "m", "x"]);
  });

  test("other placeholders inside a branch are filled too", () => {
    expect(format("{n, plural, one {# product in {store}} other {# products in {store}}}", { n: 2, store: "Tienda" }, "en")).toBe("2 products in Tienda");
  });
});

describe("format: right-to-left isolation", () => {
  test("in an Arabic template each inserted value is isolated, so a Latin name cannot move the punctuation", () => {
    expect(format("مرحبا {name}!", { name: "Ana (CL)" })).toBe(`مرحبا ${FSI}Ana (CL)${PDI}!`);
    expect(format("{n, plural, one {منتج واحد} other {# منتجات}}", { n: 5 }, "ar")).toBe(`${FSI}5${PDI} منتجات`);
  });

  test("a value the caller already isolated is not wrapped twice", () => {
    expect(format("حُجز {items}", { items: `${FSI}2 × Polera${PDI}` })).toBe(`حُجز ${FSI}2 × Polera${PDI}`);
  });

  test("left-to-right templates are left untouched", () => {
    expect(format("Hello {name}!", { name: "محمد" })).toBe("Hello محمد!");
  });
});

describe("plural templates in the dashboard catalogs", () => {
  for (const locale of ["es", "en", "pt", "ar"] as const) {
    test(`${locale}: every plural has an 'other' branch and only categories the language has`, () => {
      const valid = new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[]);
      const walk = (tree: object, path: string): void => {
        for (const [k, v] of Object.entries(tree)) {
          if (typeof v !== "string") walk(v, `${path}${k}.`);
          else
            for (const p of pluralKeysOf(v)) {
              expect(p.keys, `${path}${k}`).toContain("other");
              for (const key of p.keys) if (!key.startsWith("=")) expect(valid.has(key), `${path}${k}: ${key}`).toBe(true);
            }
        }
      };
      walk(messages(locale), "");
    });
  }
});

describe("one filler for every surface", () => {
  test("the bot's optional parts vanish when a placeholder inside them is empty, and blank values print nothing", () => {
    const bot = { isolate: false, optional: true } as const;
    expect(format("¡Listo[ @{name}]! Te escribimos", { name: "Ana" }, bot)).toBe("¡Listo @Ana! Te escribimos");
    expect(format("¡Listo[ @{name}]! Te escribimos", { name: "  " }, bot)).toBe("¡Listo! Te escribimos");
    expect(format("¡Listo[ @{name}]! Te escribimos", {}, bot)).toBe("¡Listo! Te escribimos");
    expect(format("Total {total}{note}", { total: 0, note: null }, bot)).toBe("Total 0");
    expect(format("Hola {name}", {}, bot)).toBe("Hola {name}");
  });

  test("without `optional`, brackets are plain text", () => {
    expect(format("Stock [{sku}]", { sku: "A1" })).toBe("Stock [A1]");
  });

  test("isolate: false keeps right-to-left values bare (the bot isolates them itself; emails never do)", () => {
    expect(format("مرحبًا {name}", { name: "Ana" }, { isolate: false })).toBe("مرحبًا Ana");
    expect(format("مرحبًا {name}", { name: "Ana" })).toBe(`مرحبًا ${FSI}Ana${PDI}`);
  });

  test("escape is applied to values only (emails' HTML)", () => {
    const esc = (s: string) => s.replace(/</g, "&lt;");
    expect(format("<b>{store}</b>", { store: "<script>" }, { isolate: false, escape: esc })).toBe("<b>&lt;script></b>");
  });
});
