import { defineJob } from "@/lib/jobs";
import { resendPendingMessages } from "@/lib/messaging/resend-pending-messages";

/** After a Page reconnect: the replies that waited for it (Meta error 190) go out, oldest first. */
export const resendAfterReconnect = defineJob({
  id: "resend-after-reconnect",
  event: "meta/reconnected",
  retries: 6,
  concurrency: { key: "event.data.storeId", limit: 1 },
  async handler({ event, step }) {
    const first = await step.run("resend-pending", () => resendPendingMessages({ storeId: event.data.storeId }));
    // Another process may have held the revoked token in its one-minute cache and parked a few more replies.
    await step.sleep("after-token-caches-expire", "70s");
    const second = await step.run("resend-stragglers", () => resendPendingMessages({ storeId: event.data.storeId }));
    return { sent: first.sent + second.sent, skipped: first.skipped + second.skipped, waiting: second.waiting };
  },
});
