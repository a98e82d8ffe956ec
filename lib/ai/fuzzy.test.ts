import { describe, expect, it } from "vitest";
import { createFuzzyIndex, damerauLevenshtein, fuzzyCandidates } from "./fuzzy";

describe("Damerau-Levenshtein distance", () => {
  it.each([
    ["polera", "polera", 0],
    ["polrea", "polera", 1],
    ["polra", "polera", 1],
    ["pollera", "polera", 1],
    ["zapatilas", "zapatillas", 1],
    ["camiseta", "camisetas", 1],
    ["bolso", "blusa", 3],
  ])("%s ↔ %s = %i", (a, b, d) => {
    expect(damerauLevenshtein(a, b)).toBe(d);
  });

  it("stops early past the allowed distance", () => {
    expect(damerauLevenshtein("abcdefgh", "zyxwvuts", 2)).toBe(3);
  });
});

describe("typo candidates", () => {
  const index = createFuzzyIndex(["polera", "roja", "zapatillas", "vestido", "verde", "rosa"]);

  it("finds the word a typo came from", () => {
    expect(fuzzyCandidates([index], "polrea")?.words).toEqual(["polera"]);
    expect(fuzzyCandidates([index], "zapatilas")?.words).toEqual(["zapatillas"]);
    expect(fuzzyCandidates([index], "rja")?.words).toEqual(["roja"]);
  });

  it("refuses matches that change the first letter or are too far", () => {
    expect(fuzzyCandidates([index], "jose")).toBeNull();
    expect(fuzzyCandidates([index], "perdi")).toBeNull();
    expect(fuzzyCandidates([index], "pantalones")).toBeNull();
    expect(fuzzyCandidates([index], "ro")).toBeNull();
  });
});
