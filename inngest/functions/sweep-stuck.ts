import { defineJob } from "@/lib/jobs";
import { sweepStuckWork } from "@/lib/jobs/sweep-stuck";

/**
 * The sweepers of stuck work as a job: overdue pending orders expired, comments stuck as RECEIVED
 * announced again (both idempotent). Inngest runs it every minute by cron; under the local driver the
 * background runtime calls the same sweepers on a timer (lib/jobs/runtime.ts), and `ops/sweep` runs it
 * once on either driver.
 */
export const sweepStuck = defineJob({
  id: "sweep-stuck",
  event: "ops/sweep",
  retries: 1,
  concurrency: { limit: 1 },
  cron: "* * * * *",
  async handler({ step }) {
    return step.run("sweep", () => sweepStuckWork());
  },
});
