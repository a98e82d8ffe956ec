import Link from "next/link";
import { cn } from "@/lib/utils";
import type { AnalyticsRange } from "@/lib/analytics/range";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

/** Period links (server-rendered: the URL holds the range, so it survives reloads and can be shared). */
export function RangeTabs({ range, t }: { range: AnalyticsRange; t: Messages["overview"] }) {
  const items: { value: AnalyticsRange; label: string }[] = [
    { value: "today", label: t.ranges.today },
    { value: "7d", label: t.ranges.d7 },
    { value: "30d", label: t.ranges.d30 },
  ];
  return (
    <nav aria-label={t.period} className="inline-flex rounded-lg border border-border bg-card p-1">
      {items.map((i) => (
        <Link
          key={i.value}
          href={`/dashboard?range=${i.value}`}
          aria-current={range === i.value ? "page" : undefined}
          className={cn("rounded-md px-3 py-1.5 text-sm font-medium text-muted-foreground hover:text-foreground", range === i.value && "bg-primary text-primary-foreground hover:text-primary-foreground")}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
