"use client";
import { useId, useState } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils";
import { format } from "@/lib/i18n";
import type { LccFormat, LccText, LiveState } from "./types";

const TONES = { success: "text-success", warning: "text-warning" } as const;

/** One compact KPI. The label wraps instead of being cut: every locale's wording must stay readable. */
function Kpi({ label, value, hint = [], tone, ...props }: { label: string; value: string; hint?: string[]; tone?: keyof typeof TONES; "data-testid"?: string }) {
  // Values and hint parts are isolated (<bdi>): "255 ms" or "p95 1.2 s" keep their order in right-to-left pages.
  return (
    <div className="flex min-w-0 flex-col gap-0.5 rounded-lg border border-border bg-card px-3 py-2" {...props}>
      <dt className="text-xs leading-snug font-medium text-pretty break-words text-muted-foreground">{label}</dt>
      <dd className={cn("text-xl font-semibold tabular-nums", tone && TONES[tone])}><bdi>{value}</bdi></dd>
      {hint.length > 0 && (
        <dd className="text-xs leading-snug text-pretty break-words text-muted-foreground">
          {hint.map((h, i) => <span key={i}>{i > 0 && " · "}<bdi>{h}</bdi></span>)}
        </dd>
      )}
    </div>
  );
}

/**
 * Received / processed / pending, the last minute's comment → DM latency, and what the live has sold.
 * On wide screens a single row above the feed; on phones (where it sits below the feed) one summary
 * line that expands to the full set, so the comments come first.
 */
export function Counters({ stats, t, fmt, className }: { stats: LiveState["stats"]; t: LccText; fmt: LccFormat; className?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const l = stats.latency;
  const carts = stats.carts.pending + stats.carts.paid;
  return (
    <section aria-label={t.live.counters} className={cn("flex flex-col gap-2", className)} data-testid="counters">
      <button
        type="button"
        className="flex w-full items-center justify-between gap-3 rounded-lg border border-border bg-card px-3 py-2 text-start text-sm lg:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        data-testid="counters-toggle"
      >
        <span className="flex min-w-0 flex-wrap gap-x-3 gap-y-0.5">
          <span className="font-medium">{t.live.counters}</span>
          <span className="text-muted-foreground">{t.live.received} <span className="font-semibold text-foreground tabular-nums">{fmt.num(stats.received)}</span></span>
          <span className="text-muted-foreground">{t.live.pending} <span className="font-semibold text-foreground tabular-nums">{fmt.num(stats.pending)}</span></span>
          <span className="text-muted-foreground">{t.live.carts} <span className="font-semibold text-foreground tabular-nums">{fmt.num(carts)}</span></span>
        </span>
        <ChevronDown className={cn("size-4 shrink-0 transition-transform", open && "rotate-180")} aria-hidden />
      </button>
      <dl id={id} className={cn("grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-8", open ? "grid" : "hidden lg:grid")}>
        <Kpi label={t.live.received} value={fmt.num(stats.received)} data-testid="count-received" />
        <Kpi label={t.live.processed} value={fmt.num(stats.processed)} data-testid="count-processed" />
        <Kpi label={t.live.pending} value={fmt.num(stats.pending)} tone={stats.pending > 20 ? "warning" : undefined} data-testid="count-pending" />
        <Kpi label={t.live.review} value={fmt.num(stats.needsReview)} tone={stats.needsReview > 0 ? "warning" : undefined} data-testid="count-review" />
        <Kpi label={t.live.perMinute} value={fmt.num(stats.perMinute)} />
        <Kpi
          label={t.live.latency}
          value={l.samples ? fmt.ms(l.p50Ms) : "—"}
          hint={l.samples ? [format(t.live.latencyValue, { p95: fmt.ms(l.p95Ms) }), format(t.live.latencySamples, { count: fmt.num(l.samples) })] : [t.live.noLatency]}
          tone={l.p95Ms !== null && l.p95Ms > 5000 ? "warning" : undefined}
          data-testid="latency"
        />
        <Kpi label={t.live.carts} value={fmt.num(carts)} hint={[`${t.live.paidCarts}: ${fmt.num(stats.carts.paid)}`]} />
        <Kpi label={t.live.revenue} value={fmt.money(stats.carts.revenueMinor)} tone={stats.carts.revenueMinor > 0 ? "success" : undefined} />
      </dl>
    </section>
  );
}
