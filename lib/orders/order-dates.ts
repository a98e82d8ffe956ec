/**
 * Dates a seller reads without guessing: day, short month name, year and time in the store's time
 * zone, in the dashboard language ("5 dic 2026, 14:03", "Dec 5, 2026, 2:03 PM").
 */
export function orderDateTime(locale: string, timeZone: string) {
  const f = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZone });
  return (iso: string | Date) => f.format(typeof iso === "string" ? new Date(iso) : iso);
}

/** Only the time, for events of the same day ("14:03"). */
export function orderTime(locale: string, timeZone: string) {
  const f = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone });
  return (iso: string | Date) => f.format(typeof iso === "string" ? new Date(iso) : iso);
}
