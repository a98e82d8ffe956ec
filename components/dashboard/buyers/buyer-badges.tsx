import { Badge } from "@/components/ui/badge";
import { format } from "@/lib/i18n";
import type { BuyersMessages } from "@/lib/i18n/buyers";
import type { BuyerSegment } from "@/lib/buyers/schemas";

const SEGMENT_VARIANT: Record<BuyerSegment, "default" | "success" | "warning" | "destructive" | "outline"> = {
  new: "outline",
  repeat: "default",
  vip: "success",
  at_risk: "warning",
  non_payer: "destructive",
  blocked: "destructive",
};

export function SegmentBadge({ segment, t }: { segment: BuyerSegment; t: BuyersMessages }) {
  return <Badge variant={SEGMENT_VARIANT[segment]} data-segment={segment}>{t.segment1[segment]}</Badge>;
}

/** Risk 0–100 with its level in words (colour is never the only cue). */
export function RiskBadge({ risk, t }: { risk: number; t: BuyersMessages }) {
  const level = risk >= 60 ? "high" : risk >= 30 ? "medium" : "low";
  const variant = level === "high" ? "destructive" : level === "medium" ? "warning" : "success";
  return (
    <Badge variant={variant} className="tabular-nums whitespace-nowrap" data-risk={risk}>
      {format(t.riskValue, { risk })} · {t.riskLevels[level]}
    </Badge>
  );
}
