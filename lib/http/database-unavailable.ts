// What an unreachable or restarting PostgreSQL looks like through Prisma (P1001, P1017, a raw query's
// P2010 wrapping "Can't reach database server"), node-postgres (ECONNREFUSED, a missing Unix socket)
// and the server itself (57P01 admin shutdown, 57P03 starting up, 08xxx connection failures).
const CODES = new Set(["P1001", "P1002", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "EPIPE", "57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006"]);
const MESSAGE =
  /Can't reach database server|Connection terminated|connect (?:ECONNREFUSED|ENOENT)|the database system is (?:starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Server has closed the connection|server closed the connection unexpectedly|Timed out fetching a new connection/i;

function chain(error: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  let e: unknown = error;
  while (e !== null && typeof e === "object" && found.length < 6) {
    const record = e as Record<string, unknown>;
    found.push(record);
    if (record.meta && typeof record.meta === "object") found.push(record.meta as Record<string, unknown>);
    e = record.cause;
  }
  return found;
}

/** True when the error means the database cannot be reached right now (the answer is 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some((e) => (typeof e.code === "string" && CODES.has(e.code)) || (typeof e.message === "string" && MESSAGE.test(e.message)));
}

/** A one-line reason for /health: the last non-empty line of the message (Prisma's first lines are blank or point at code), with its code. */
export function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return "unreachable";
  const line = error.message.split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? "";
  const code = (error as { code?: unknown }).code;
  const text = [typeof code === "string" ? code : null, line].filter(Boolean).join(": ").slice(0, 300);
  return text || error.name || "unreachable";
}
