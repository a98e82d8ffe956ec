import { prisma } from "@/lib/db";
import { describeDatabaseError } from "@/lib/http/database-unavailable";

type Check = "ok" | "degraded" | "error";

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}

/**
 * Liveness with real checks: the database answers a query, and the job queue is not stuck
 * (no job due more than five minutes ago is still waiting — the local driver or Inngest would have taken it).
 */
export async function checkHealth() {
  const checks: { database: Check; jobs: Check } = { database: "ok", jobs: "ok" };
  const errors: Record<string, string> = {};
  try {
    await withTimeout(prisma.$queryRaw`SELECT 1`, 2000);
  } catch (e) {
    checks.database = "error";
    checks.jobs = "error";
    errors.database = describeDatabaseError(e);
  }
  if (checks.database === "ok") {
    try {
      const [row] = await withTimeout(
        prisma.$queryRaw<{ stuck: number }[]>`SELECT count(*)::int AS stuck FROM jobs WHERE status = 'QUEUED' AND "runAt" < now() - interval '5 minutes'`,
        2000,
      );
      if ((row?.stuck ?? 0) > 0) {
        checks.jobs = "degraded";
        errors.jobs = `${row!.stuck} job(s) overdue by more than 5 minutes`;
      }
    } catch (e) {
      checks.jobs = "error";
      errors.jobs = describeDatabaseError(e);
    }
  }
  return {
    status: checks.database === "ok" ? ("alive" as const) : ("unavailable" as const),
    timestamp: new Date().toISOString(),
    checks,
    ...(Object.keys(errors).length > 0 && { errors }),
  };
}
