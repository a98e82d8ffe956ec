-- Finished jobs are deleted after JOB_RETENTION_DAYS (lib/jobs/purge-finished-jobs.ts). A BRIN index on
-- the creation time lets that daily delete visit only old block ranges. It costs the hot path nothing:
-- new rows land in the last, unsummarised range.
CREATE INDEX "jobs_createdAt_brin" ON "jobs" USING brin ("createdAt");
