import { defineJob } from "@/lib/jobs";
import { purgeCommentTexts } from "@/lib/privacy/retention/purge-comment-texts";
import { anonymiseDormantBuyers } from "@/lib/privacy/retention/anonymise-dormant-buyers";
import { purgeExpiredRecords } from "@/lib/privacy/retention/purge-expired-records";
import { purgeFinishedJobs } from "@/lib/jobs/purge-finished-jobs";
import { reportRetention, retentionSettings, scheduleNextRetention } from "@/lib/privacy/retention/run-retention";

/**
 * The daily privacy retention run (seed §16): comment texts without buying intent, dormant buyers,
 * spent tokens and sessions, the old email log and old provider payloads — and, while it is at it, job rows
 * finished long ago. Every step is idempotent (a
 * replay after a crash finds nothing more to do), the counts are reported, and tomorrow's run is queued.
 */
export const privacyRetention = defineJob({
  id: "privacy-retention",
  event: "privacy/retention",
  retries: 3,
  concurrency: { limit: 1 },
  async handler({ event, step }) {
    const settings = retentionSettings();
    const comments = await step.run("comment-texts", () => purgeCommentTexts());
    const buyers = await step.run("dormant-buyers", () => anonymiseDormantBuyers({ months: settings.buyerMonths }));
    const records = await step.run("expired-records", () => purgeExpiredRecords(settings));
    const jobRows = await step.run("finished-jobs", () => purgeFinishedJobs({ days: settings.jobDays }));
    const counts = { comments: comments.comments, ai_decisions: comments.ai_decisions, comments_per_store: comments.per_store, buyers: buyers.buyers, ...records, ...jobRows };
    await step.run("report", () => reportRetention({ day: event.data.day, counts }));
    const next = await step.run("schedule-next", () => scheduleNextRetention(event.data.day));
    return { ...counts, next };
  },
});
