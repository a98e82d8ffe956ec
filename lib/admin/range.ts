/** The start of a console range: today (UTC midnight), or the last 7 / 30 days. */
export function rangeStart(range: "today" | "7d" | "30d", now = new Date()) {
  if (range === "today") return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return new Date(now.getTime() - (range === "7d" ? 7 : 30) * 24 * 3600 * 1000);
}
