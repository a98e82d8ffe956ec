import { cn } from "@/lib/utils";

export type BarDatum = { label: string; short: string; value: number; display: string; secondary?: number; secondaryDisplay?: string };

/**
 * A small hand-drawn SVG bar chart (no chart library). Screen readers get the same numbers as a table;
 * the SVG itself is decorative. An optional secondary series is drawn as dots over the bars.
 * Time runs with the reading direction (right to left in Arabic). A period with nothing in it shows
 * `emptyLabel` instead of a flat axis.
 */
export function BarChart({ title, data, valueLabel, secondaryLabel, emptyLabel, dir = "ltr", className, tone = "primary" }: {
  title: string;
  data: BarDatum[];
  valueLabel: string;
  secondaryLabel?: string;
  emptyLabel: string;
  dir?: "ltr" | "rtl";
  className?: string;
  tone?: "primary" | "success";
}) {
  if (data.every((d) => d.value === 0 && !d.secondary)) {
    return (
      <figure className={cn("flex flex-col gap-2", className)} data-testid="chart-empty">
        <figcaption className="text-sm font-medium">{title}</figcaption>
        <div className="flex h-44 items-center justify-center rounded-md border border-dashed border-border px-4 text-center text-sm text-muted-foreground">{emptyLabel}</div>
      </figure>
    );
  }
  const width = 640;
  const height = 180;
  const pad = { top: 12, bottom: 24, side: 4 };
  const max = Math.max(1, ...data.map((d) => d.value));
  const max2 = Math.max(1, ...data.map((d) => d.secondary ?? 0));
  const slot = (width - pad.side * 2) / Math.max(1, data.length);
  const barW = Math.max(2, Math.min(36, slot * 0.7));
  const plotH = height - pad.top - pad.bottom;
  const labelEvery = Math.ceil(data.length / 8);
  const fill = tone === "success" ? "fill-success/80" : "fill-primary";
  return (
    <figure className={cn("flex flex-col gap-2", className)}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg data-dir={dir} viewBox={`0 0 ${width} ${height}`} className="h-44 w-full" aria-hidden preserveAspectRatio="none">
        <line x1={0} x2={width} y1={height - pad.bottom} y2={height - pad.bottom} className="stroke-border" strokeWidth={1} />
        {data.map((d, i) => {
          const h = (d.value / max) * plotH;
          const x = pad.side + (dir === "rtl" ? data.length - 1 - i : i) * slot + (slot - barW) / 2;
          return (
            <g key={d.label}>
              <rect x={x} y={height - pad.bottom - h} width={barW} height={Math.max(h, d.value > 0 ? 2 : 0)} rx={2} className={fill} />
              {d.secondary !== undefined && d.secondary > 0 && (
                <circle cx={x + barW / 2} cy={height - pad.bottom - (d.secondary / max2) * plotH} r={3.5} className="fill-success" />
              )}
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={height - 6} textAnchor="middle" className="fill-muted-foreground text-[11px]">{d.short}</text>
              )}
            </g>
          );
        })}
      </svg>
      {/* The wrapper is what hides the table: a table ignores the 1px width of .sr-only and widened phone pages. */}
      <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr><th scope="col">{title}</th><th scope="col">{valueLabel}</th>{secondaryLabel && <th scope="col">{secondaryLabel}</th>}</tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}><th scope="row">{d.label}</th><td>{d.display}</td>{secondaryLabel && <td>{d.secondaryDisplay}</td>}</tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
