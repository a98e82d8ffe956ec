import { defineJob } from "@/lib/jobs";
import { checkAllPageTokens, scheduleNextTokenCheck } from "@/lib/onboarding/check-page-token";

/**
 * The daily Page token check (debug_token for every connected Page): revoked or expired tokens mark the
 * Page disconnected, missing permissions and an access ending within a week are recorded and emailed to
 * the owners once. Re-running it re-checks (the emails are guarded); tomorrow's run is queued.
 */
export const checkPageTokensJob = defineJob({
  id: "check-page-tokens",
  event: "meta/token-check",
  retries: 3,
  concurrency: { limit: 1 },
  async handler({ event, step }) {
    const counts = await step.run("check", () => checkAllPageTokens());
    const next = await step.run("schedule-next", () => scheduleNextTokenCheck(event.data.day));
    return { ...counts, next };
  },
});
