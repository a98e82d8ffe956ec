import { Stat } from "@/components/ui/stat";
import { format } from "@/lib/i18n";
import type { LccFormat, LccText, LiveState } from "./types";

/** Received / processed / pending, the last minute's comment → DM latency, and what the live has sold. */
export function Counters({ stats, t, fmt }: { stats: LiveState["stats"]; t: LccText; fmt: LccFormat }) {
  const l = stats.latency;
  return (
    <section aria-label={t.live.counters}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-8">
        <Stat label={t.live.received} value={fmt.num(stats.received)} data-testid="count-received" />
        <Stat label={t.live.processed} value={fmt.num(stats.processed)} data-testid="count-processed" />
        <Stat label={t.live.pending} value={fmt.num(stats.pending)} tone={stats.pending > 20 ? "warning" : undefined} data-testid="count-pending" />
        <Stat label={t.live.review} value={fmt.num(stats.needsReview)} tone={stats.needsReview > 0 ? "warning" : undefined} data-testid="count-review" />
        <Stat label={t.live.perMinute} value={fmt.num(stats.perMinute)} />
        <Stat
          label={t.live.latency}
          value={l.samples ? fmt.ms(l.p50Ms) : "—"}
          hint={l.samples ? `${format(t.live.latencyValue, { p50: fmt.ms(l.p50Ms), p95: fmt.ms(l.p95Ms) })} · ${format(t.live.latencySamples, { count: fmt.num(l.samples) })}` : t.live.noLatency}
          tone={l.p95Ms !== null && l.p95Ms > 5000 ? "warning" : undefined}
          data-testid="latency"
        />
        <Stat label={t.live.carts} value={fmt.num(stats.carts.pending + stats.carts.paid)} hint={`${t.live.paidCarts}: ${fmt.num(stats.carts.paid)}`} />
        <Stat label={t.live.revenue} value={fmt.money(stats.carts.revenueMinor)} tone={stats.carts.revenueMinor > 0 ? "success" : undefined} />
      </dl>
    </section>
  );
}
