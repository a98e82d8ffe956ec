import { describe, expect, test } from "vitest";
import { en } from "@/lib/i18n/locales/en/dashboard";
import { es } from "@/lib/i18n/locales/es/dashboard";
import { pt } from "@/lib/i18n/locales/pt/dashboard";
import { ar } from "@/lib/i18n/locales/ar/dashboard";
import { pluralKeysOf } from "@/lib/i18n/format";

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}
// Variables of a template, plural ones included ("{count, plural, one {…} other {…}}" names `count`).
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).concat(pluralKeysOf(s).map((p) => p.name)))].sort();

describe("dashboard catalogs", () => {
  const reference = new Map(leaves(en as unknown as Tree));
  for (const [name, catalog] of Object.entries({ es, pt, ar })) {
    test(`${name} has every English key, none empty, with the same {placeholders}`, () => {
      const own = new Map(leaves(catalog as unknown as Tree));
      expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), key).not.toBe("");
        // Help texts may spell out the word "placeholders" in braces; every real variable must match.
        const mine = placeholders(text).filter((p) => p !== "placeholders" && p !== "marcadores");
        const theirs = placeholders(reference.get(key)!).filter((p) => p !== "placeholders");
        expect(mine, key).toEqual(theirs);
      }
    });
  }

  test("the Arabic catalog is actually Arabic where it is prose", () => {
    const arabic = leaves(ar as unknown as Tree).filter(([, v]) => /[\u0600-\u06FF]/.test(v));
    expect(arabic.length / leaves(ar as unknown as Tree).length).toBeGreaterThan(0.85);
  });
});
