-- Items of a Meta delivery set aside instead of failing the whole delivery, and the sweepers of stuck work.
CREATE TABLE "webhook_quarantine" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "pageId" TEXT,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "externalId" TEXT,
    "raw" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_quarantine_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "webhook_quarantine_receivedAt_idx" ON "webhook_quarantine"("receivedAt");

CREATE TABLE "sweeper_runs" (
    "name" TEXT NOT NULL,
    "lastRunAt" TIMESTAMPTZ(3) NOT NULL,
    "lastCount" INTEGER NOT NULL DEFAULT 0,
    "totalCount" INTEGER NOT NULL DEFAULT 0,
    "lastActedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    CONSTRAINT "sweeper_runs_pkey" PRIMARY KEY ("name")
);
