import { expect, test } from "vitest";
import { timelineMessages } from "./order-timeline";

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test.each(["es", "pt", "ar"] as const)("the %s timeline catalog has every English key, none empty, with the same {placeholders}", (locale) => {
  const reference = new Map(leaves(timelineMessages("en") as unknown as Tree));
  const own = new Map(leaves(timelineMessages(locale) as unknown as Tree));
  expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
  for (const [key, text] of own) {
    expect(text.trim(), key).not.toBe("");
    expect(placeholders(text), key).toEqual(placeholders(reference.get(key)!));
  }
});
