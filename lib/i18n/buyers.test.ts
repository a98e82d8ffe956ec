import { describe, expect, test } from "vitest";
import { buyersMessages } from "./buyers";
import { UI_LOCALES, format } from "./index";

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("buyers catalog", () => {
  test("every locale has every English key, non-empty, with the same placeholders, and is translated", () => {
    const reference = new Map(leaves(buyersMessages("en") as unknown as Tree));
    for (const locale of UI_LOCALES) {
      const own = new Map(leaves(buyersMessages(locale) as unknown as Tree));
      expect([...own.keys()].sort(), locale).toEqual([...reference.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(reference.get(key)!));
      }
      if (locale !== "en") expect(buyersMessages(locale).intro, locale).not.toBe(buyersMessages("en").intro);
    }
  });

  test("the winners' paid-order count agrees in number", () => {
    expect(format(buyersMessages("es").winners.orders, { count: 1 }, "es")).toBe("1 pedido pagado");
    expect(format(buyersMessages("es").winners.orders, { count: 3 }, "es")).toBe("3 pedidos pagados");
    expect(format(buyersMessages("en").winners.orders, { count: 1 }, "en")).toBe("1 paid order");
    expect(format(buyersMessages("ar").winners.orders, { count: 2 }, "ar")).toContain("طلبان مدفوعان");
  });
});
