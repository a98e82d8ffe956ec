import { describe, expect, test } from "vitest";
import { consoleMessages } from "./console";

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("console catalog (admin console, billing, support)", () => {
  const reference = new Map(leaves(consoleMessages("en") as unknown as Tree));
  for (const locale of ["es", "pt", "ar"] as const) {
    test(`${locale} has every English key, none empty, with the same {placeholders}`, () => {
      const own = new Map(leaves(consoleMessages(locale) as unknown as Tree));
      expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), key).not.toBe("");
        expect(placeholders(text), key).toEqual(placeholders(reference.get(key)!));
      }
    });
  }
  test("the Arabic catalog is Arabic where it is prose", () => {
    const all = leaves(consoleMessages("ar") as unknown as Tree);
    expect(all.filter(([, v]) => /[\u0600-\u06FF]/.test(v)).length / all.length).toBeGreaterThan(0.85);
  });
});
