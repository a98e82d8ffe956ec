import { prisma, type Db } from "@/lib/db";
import type { StepOutput } from "./run-job";

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
export async function inspectJob({ id, db = prisma }: { id: string; db?: Db }): Promise<JobInspection | null> {
  const job = await db.job.findUnique({
    where: { id },
    include: { steps: { orderBy: { createdAt: "asc" } } },
  });
  if (!job) return null;
  return {
    id: job.id,
    functionId: job.functionId,
    eventName: job.eventName,
    eventId: job.eventId,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    runAt: job.runAt,
    lockedUntil: job.lockedUntil,
    lastError: job.lastError,
    result: job.result,
    steps: job.steps.map((s) => ({ stepId: s.stepId, output: s.output as StepOutput, createdAt: s.createdAt })),
  };
}
