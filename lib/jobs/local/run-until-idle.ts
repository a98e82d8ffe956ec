import type { RunOutcome } from "./run-settings";
import { claimJobs } from "./claim";
import { runClaimedJob } from "./run-job";
import { runSettings, type LocalRunOptions } from "./worker";

/**
 * Processes every job that is due now (including jobs those jobs send) and returns when nothing
 * due is left. Sleeps and retries scheduled for later are left queued. For tests, scripts and benchmarks.
 */
export async function runJobsUntilIdle(options: LocalRunOptions): Promise<{ runs: number; outcomes: Record<RunOutcome, number> }> {
  const settings = runSettings(options);
  const outcomes: Record<RunOutcome, number> = { completed: 0, failed: 0, suspended: 0, retrying: 0, throttled: 0, lost: 0 };
  const inFlight = new Set<Promise<unknown>>();
  const crashes: unknown[] = [];
  let runs = 0;
  let finished = 0;
  for (;;) {
    const free = settings.concurrency - inFlight.size;
    if (free > 0 && (inFlight.size === 0 || free >= settings.minClaim)) {
      const finishedBefore = finished;
      const { jobs } = await claimJobs({ db: settings.db, registry: settings.registry, max: free, leaseMs: settings.leaseMs });
      for (const job of jobs) {
        runs++;
        const run: Promise<void> = runClaimedJob(settings, job)
          .then((outcome) => void outcomes[outcome]++, (error: unknown) => void crashes.push(error))
          .finally(() => {
            finished++;
            inFlight.delete(run);
          });
        inFlight.add(run);
      }
      if (jobs.length > 0) continue;
      // Idle only when a claim found nothing AND no run ended since it started: a run that ended during
      // the claim may have sent a job the claim's snapshot could not see.
      if (inFlight.size === 0) {
        if (finished === finishedBefore) break;
        continue;
      }
    }
    await Promise.race(inFlight);
  }
  // A runner crash (not a job failure, which is an outcome) is a bug the caller should see.
  if (crashes.length > 0) throw crashes[0];
  return { runs, outcomes };
}
