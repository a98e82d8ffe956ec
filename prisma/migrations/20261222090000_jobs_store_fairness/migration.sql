-- Fair scheduling across stores: the producer records the store of each job, and the claim reads
-- the oldest queued jobs of every store through this index (queued rows only, so a claim or a
-- completion never writes to it) to give each store its share of the workers.
ALTER TABLE "jobs" ADD COLUMN "storeId" TEXT;

-- CreateIndex
CREATE INDEX "jobs_queued_storeId_runAt_idx" ON "jobs"("storeId", "runAt", "createdAt") WHERE status = 'QUEUED';
