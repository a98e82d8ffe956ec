import { describe, expect, test } from "vitest";
import { fulfilmentMessages } from "./fulfilment";
import { checkoutDeliveryMessages } from "./checkout-delivery";
import { CHECKOUT_LOCALES } from "./checkout";
import { UI_LOCALES } from "./index";

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("fulfilment catalogs", () => {
  test.each([
    ["seller", UI_LOCALES, (l: string) => fulfilmentMessages(l as never)],
    ["buyer", CHECKOUT_LOCALES, (l: string) => checkoutDeliveryMessages(l as never)],
  ] as const)("%s strings: every locale has every English key, translated where it differs, with the same placeholders", (_name, locales, get) => {
    const reference = new Map(leaves(get("en") as unknown as Tree));
    for (const locale of locales) {
      const own = new Map(leaves(get(locale) as unknown as Tree));
      expect([...own.keys()].sort(), locale).toEqual([...reference.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(reference.get(key)!));
      }
      // Not a copy of English: the first title differs.
      const first = (l: string) => leaves(get(l as never) as unknown as Tree)[0]![1];
      if (locale !== "en") expect(first(locale), locale).not.toBe(first("en"));
    }
  });
});
