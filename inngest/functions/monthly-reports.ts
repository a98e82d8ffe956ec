import { defineJob } from "@/lib/jobs";
import { runScheduledReports } from "@/lib/admin/run-scheduled-reports";

/** The operator's scheduled monthly reports, emailed to the superadmins. */
export const monthlyReports = defineJob({
  id: "monthly-reports",
  event: "reports/monthly",
  retries: 3,
  async handler({ event, step }) {
    return step.run("reports", () => runScheduledReports({ period: event.data.period }));
  },
});
