import { defineJob } from "@/lib/jobs";
import { emailLiveReport } from "@/lib/lives/email-live-report";

/** When a live ends, its report goes to the store's owners by email (once per live and owner). */
export const emailLiveReportJob = defineJob({
  id: "email-live-report",
  event: "live/ended",
  retries: 6,
  async handler({ event, step }) {
    return step.run("email-owners", () => emailLiveReport({ liveId: event.data.liveId }));
  },
});
