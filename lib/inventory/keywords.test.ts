import { describe, expect, test } from "vitest";
import { joinKeywords, splitKeywords } from "./keywords";

describe("keywords: one separator everywhere", () => {
  test("; separates keywords, and a comma (typed out of habit) does too", () => {
    expect(splitKeywords("polera; remera ;t-shirt")).toEqual(["polera", "remera", "t-shirt"]);
    expect(splitKeywords("polera, remera,t-shirt")).toEqual(["polera", "remera", "t-shirt"]);
    expect(splitKeywords(" ; ,")).toEqual([]);
    expect(splitKeywords("حقيبة؛ سوداء، جلد")).toEqual(["حقيبة", "سوداء", "جلد"]);
  });

  test("a list shown in a form and saved unchanged comes back the same", () => {
    const list = ["polera", "remera roja", "camiseta"];
    expect(joinKeywords(list)).toBe("polera; remera roja; camiseta");
    expect(splitKeywords(joinKeywords(list))).toEqual(list);
  });
});
