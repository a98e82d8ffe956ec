import { describe, expect, test } from "vitest";
import { bidiRuns, drawRtlLine, wrapRtl } from "./pdf-rtl";

/** A stand-in for pdfkit: every character 1 unit wide; records what is drawn where. */
function fakeDoc() {
  const drawn: { text: string; x: number }[] = [];
  return { drawn, widthOfString: (s: string) => [...s].length, text: (s: string, x: number) => drawn.push({ text: s, x }) };
}

describe("right-to-left lines for the Arabic PDF", () => {
  test("Arabic words, a Latin name and a period are separate tokens; the Latin run stays whole; bidi marks are dropped", () => {
    expect(bidiRuns("\u200fاشتراك الخطة Starter، 2026-11")).toEqual([
      { text: "اشتراك", rtl: true }, { text: " ", rtl: true }, { text: "الخطة", rtl: true }, { text: " ", rtl: true },
      { text: "Starter", rtl: false }, { text: "،", rtl: true }, { text: " ", rtl: true }, { text: "2026-11", rtl: false },
    ]);
    expect(bidiRuns("المبلغ 29.00 US$")).toEqual([{ text: "المبلغ", rtl: true }, { text: " ", rtl: true }, { text: "29.00 US$", rtl: false }]);
  });

  test("drawn from the right edge in reading order, brackets mirrored: the first word is rightmost, the number leftmost", () => {
    const doc = fakeDoc();
    drawRtlLine(doc, "فاتورة (رقم 12)", { right: 100, y: 0, width: 100 });
    expect(doc.drawn).toEqual([
      { text: "فاتورة", x: 94 },
      { text: ")", x: 92 },
      { text: "رقم", x: 89 },
      { text: "12", x: 86 },
      { text: "(", x: 85 },
    ]);
  });

  test("wrapping keeps whole words and never exceeds the width", () => {
    const doc = fakeDoc();
    const lines = wrapRtl(doc, "الإجمالي بـ USD للفترة 2026-11 كاملة", 16);
    expect(lines).toEqual(["الإجمالي بـ USD", "للفترة 2026-11", "كاملة"]);
  });
});
