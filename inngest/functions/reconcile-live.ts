import { defineJob } from "@/lib/jobs";
import { reconcileLiveComments } from "@/lib/pipeline/reconcile-live-comments";
import { scheduleNextReconcile } from "@/lib/pipeline/schedule-next-reconcile";

/**
 * Zero missed comments: one read of an active live's comments through the Graph API, then the next read
 * is queued (a chain of short runs rather than one long run: nothing to replay however long the live).
 */
export const reconcileLive = defineJob({
  id: "reconcile-live",
  event: "live/reconcile",
  retries: 3,
  concurrency: { key: "event.data.liveId", limit: 1 },
  async handler({ event, step }) {
    const readAt = await step.run("started-at", () => new Date().toISOString());
    const result = await step.run("read-comments", () => reconcileLiveComments({ liveId: event.data.liveId }));
    const next = await step.run("schedule-next", () => scheduleNextReconcile({ ...event.data, readAt }));
    return { ...result, next };
  },
});
