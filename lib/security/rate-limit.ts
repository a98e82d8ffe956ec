import { prisma } from "@/lib/db";

type Bucket = { count: number; resetAt: Date };

/** Fixed-window counter in PostgreSQL, so every app instance shares it. */
export async function hitRateLimit({ key, windowSeconds }: { key: string; windowSeconds: number }): Promise<Bucket> {
  const rows = await prisma.$queryRaw<Bucket[]>`
    INSERT INTO rate_limits (key, count, "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits."resetAt" <= now() THEN 1 ELSE rate_limits.count + 1 END,
      "resetAt" = CASE WHEN rate_limits."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE rate_limits."resetAt" END
    RETURNING count, "resetAt"`;
  return rows[0]!;
}

export async function peekRateLimit(key: string): Promise<Bucket | null> {
  const row = await prisma.rateLimit.findUnique({ where: { key } });
  if (!row || row.resetAt <= new Date()) return null;
  return { count: row.count, resetAt: row.resetAt };
}

export async function clearRateLimit(key: string) {
  await prisma.rateLimit.deleteMany({ where: { key } });
}

export function secondsUntil(date: Date) {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000));
}
