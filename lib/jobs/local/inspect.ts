import { hotPathDb, type SqlClient } from "@/lib/db";
import type { StepOutput } from "./step-output";

export interface JobInspection {
  id: string;
  functionId: string;
  eventName: string;
  eventId: string;
  status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  result: unknown;
  steps: { stepId: string; output: StepOutput; createdAt: Date }[];
}

/** A job and its memoised steps, in the order they completed: for tests, the admin screen and debugging. */
export async function inspectJob({ id, db = hotPathDb }: { id: string; db?: Pick<SqlClient, "$queryRaw"> }): Promise<JobInspection | null> {
  const [job] = await db.$queryRaw<Omit<JobInspection, "steps">[]>`
    SELECT id, "functionId", "eventName", "eventId", status::text AS status, attempts, "maxAttempts", "runAt",
      "lockedUntil", "lastError", result
    FROM jobs WHERE id = ${id}`;
  if (!job) return null;
  // Steps of one job are written by successive statements: creation time, then transaction order.
  const steps = await db.$queryRaw<JobInspection["steps"]>`
    SELECT "stepId", output, "createdAt" FROM job_steps WHERE "jobId" = ${id}
    ORDER BY "createdAt", xmin::text::bigint`;
  return { ...job, steps };
}
