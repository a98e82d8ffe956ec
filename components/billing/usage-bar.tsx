import { cn } from "@/lib/utils";

/** One metric against its limit; an unlimited metric shows the count without a bar. */
export function UsageBar({ label, used, limit, ofLabel, unlimitedLabel, locale }: { label: string; used: number; limit: number | null; ofLabel: (used: string, limit: string) => string; unlimitedLabel: string; locale: string }) {
  const n = new Intl.NumberFormat(locale);
  const pct = limit === null ? 0 : limit === 0 ? 100 : Math.min(100, Math.round((used / limit) * 100));
  const tone = pct >= 100 ? "bg-rose-400" : pct >= 80 ? "bg-warning" : "bg-primary";
  return (
    <div className="flex flex-col gap-1" data-testid={`usage-${label}`}>
      <div className="flex justify-between gap-2 text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-muted-foreground">{limit === null ? `${n.format(used)} · ${unlimitedLabel}` : ofLabel(n.format(used), n.format(limit))}</span>
      </div>
      {limit !== null && (
        <div className="h-2 overflow-hidden rounded bg-muted" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={limit} aria-valuenow={Math.min(used, limit)}>
          <div className={cn("h-full", tone)} style={{ width: `${pct}%` }} />
        </div>
      )}
    </div>
  );
}
