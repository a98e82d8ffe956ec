-- A job claim's cost must not grow with the queue or with the jobs finished since the last vacuum (a
-- worker that falls behind would then fall further behind). The indexes on (status, …) held every
-- version of every job: each job is written three times (queued, running, finished) and no update of a
-- job is HOT, so the QUEUED and RUNNING ranges the claim reads were padded with the dead versions of
-- every job finished since the last vacuum (4,000 entries for 9 running jobs, measured in the bench).
-- Partial indexes hold one entry per job per state: cheaper to write, and with the claim's order
-- ("runAt", "createdAt") the oldest queued jobs are an ordered index scan with a LIMIT, whatever the
-- statistics say.
DROP INDEX "jobs_status_runAt_idx";
DROP INDEX "jobs_status_concurrencyKey_idx";
CREATE INDEX "jobs_queued_runAt_idx" ON "jobs"("runAt", "createdAt") WHERE status = 'QUEUED';
CREATE INDEX "jobs_queued_concurrencyKey_idx" ON "jobs"("concurrencyKey") WHERE status = 'QUEUED';
CREATE INDEX "jobs_running_concurrencyKey_idx" ON "jobs"("concurrencyKey") WHERE status = 'RUNNING';
-- The operator alert counts the jobs that failed recently.
CREATE INDEX "jobs_failed_updatedAt_idx" ON "jobs"("updatedAt") WHERE status = 'FAILED';
-- Vacuum the queue often: it is the table with the most dead rows per second on a busy live, and its
-- dead versions are what the claim's index scans step over until a vacuum removes them.
ALTER TABLE "jobs" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 1000);
