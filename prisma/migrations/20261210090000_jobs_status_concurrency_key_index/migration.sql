-- The job claim counts the concurrency keys in use among RUNNING jobs and looks for QUEUED jobs of
-- saturated keys. Leading with status keeps both scans to the rows of that status, whereas
-- ("concurrencyKey", status) made them walk every keyed job ever run.
DROP INDEX "jobs_concurrencyKey_status_idx";

-- CreateIndex
CREATE INDEX "jobs_status_concurrencyKey_idx" ON "jobs"("status", "concurrencyKey");
