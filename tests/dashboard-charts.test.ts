import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { BarChart, type BarDatum } from "@/components/dashboard/charts/bar-chart";

const days: BarDatum[] = ["1 dic", "2 dic", "3 dic"].map((label, i) => ({ label, short: label, value: i === 2 ? 5 : 0, display: String(i === 2 ? 5 : 0) }));
const render = (props: Partial<Parameters<typeof BarChart>[0]>) =>
  renderToStaticMarkup(createElement(BarChart, { title: "Ingresos", valueLabel: "Ingresos", emptyLabel: "Aún no hay datos en este período.", data: days, ...props }));
const barXs = (html: string) => [...html.matchAll(/<rect x="([\d.]+)"/g)].map((m) => Number(m[1]));

describe("overview bar chart", () => {
  test("time runs left to right, and right to left in Arabic", () => {
    const [firstLtr, , lastLtr] = barXs(render({ dir: "ltr" }));
    expect(lastLtr!).toBeGreaterThan(firstLtr!);
    const [firstRtl, , lastRtl] = barXs(render({ dir: "rtl" }));
    expect(lastRtl!).toBeLessThan(firstRtl!);
    expect(firstRtl).toBe(lastLtr);
  });

  test("a period with nothing in it says so instead of drawing an empty axis", () => {
    const html = render({ data: days.map((d) => ({ ...d, value: 0, display: "0" })) });
    expect(html).toContain("Aún no hay datos en este período.");
    expect(html).not.toContain("<svg");
    expect(html).not.toContain("<table");
  });

  test("the screen-reader table is hidden by a wrapper (a table ignores the 1px width of .sr-only and widened phones)", () => {
    expect(render({})).toMatch(/<div class="sr-only"><table>/);
  });
});
