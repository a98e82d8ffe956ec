import { expect, test } from "vitest";
import { csvCell, csvRow } from "./csv";

test("every cell is quoted with quotes doubled, and text a spreadsheet would run as a formula is defused", () => {
  expect(csvRow(["a,b", 'say "hi"', "line\nbreak", 12, null])).toBe('"a,b","say ""hi""","line\nbreak","12",""\r\n');
  for (const formula of ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"]) expect(csvCell(formula)).toBe(`"'${formula}"`);
  expect(csvCell("Ana = Ana")).toBe('"Ana = Ana"');
  // Numbers we write ourselves (totals, units) stay numbers.
  expect(csvCell(31980)).toBe('"31980"');
});
