const DAY_MS = 24 * 3600 * 1000;

/** How long before a Page's access ends the owners are warned (and the dashboard shows it). */
const EXPIRY_WARNING_DAYS = 7;

/** The earliest of the token's own expiry and the end of the app's data access: when the bot stops working. */
export function accessEndsAt(conn: { tokenExpiresAt: Date | null; dataAccessExpiresAt: Date | null }): Date | null {
  const times = [conn.tokenExpiresAt, conn.dataAccessExpiresAt].filter((d): d is Date => d !== null);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
}

export function isExpiringSoon(endsAt: Date | null, now = new Date()) {
  return endsAt !== null && endsAt.getTime() - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS;
}
