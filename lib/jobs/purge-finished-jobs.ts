import { prisma } from "@/lib/db";

const DAY_MS = 24 * 3600 * 1000;

/**
 * Job rows finished long ago, deleted (their memoised steps go with them): every comment leaves one
 * behind, so without this `jobs` grows for ever. A finished row still deduplicates its event id
 * ((functionId, eventId) is unique), so `days` must outlast the longest window in which an event id is
 * sent again: the monthly reports' `reports-monthly:<month>` is re-sent all month long, hence at least 32
 * days (checked by the env schema). Failed jobs stay three times as long, for the operators' record.
 * Both statements read the BRIN index on "createdAt" (a job finishes after it is created, so only old
 * block ranges are visited). Idempotent.
 */
export async function purgeFinishedJobs({ days, now = new Date() }: { days: number; now?: Date }) {
  const finishedBefore = new Date(now.getTime() - days * DAY_MS);
  const failedBefore = new Date(now.getTime() - 3 * days * DAY_MS);
  const [finished, failed] = await Promise.all([
    prisma.$executeRaw`DELETE FROM jobs WHERE "createdAt" < ${finishedBefore} AND status IN ('COMPLETED', 'CANCELLED') AND "updatedAt" < ${finishedBefore}`,
    prisma.$executeRaw`DELETE FROM jobs WHERE "createdAt" < ${failedBefore} AND status = 'FAILED' AND "updatedAt" < ${failedBefore}`,
  ]);
  return { finished_jobs: finished, failed_jobs: failed };
}
