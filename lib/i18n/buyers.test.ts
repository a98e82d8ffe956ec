import { describe, expect, test } from "vitest";
import { buyersMessages } from "./buyers";
import { UI_LOCALES } from "./index";

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
});
