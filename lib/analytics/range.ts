import { z } from "zod";

const ANALYTICS_RANGES = ["today", "7d", "30d"] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];
export const analyticsRangeSchema = z.enum(ANALYTICS_RANGES).catch("7d");

/** Calendar days a range covers, counted in the store's time zone and including today. */
export function rangeDays(range: AnalyticsRange): number {
  return range === "today" ? 1 : range === "7d" ? 7 : 30;
}

/** Today is charted by hour, longer ranges by day. */
export function rangeBucket(range: AnalyticsRange): "hour" | "day" {
  return range === "today" ? "hour" : "day";
}

export function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
