-- Billing: payment methods the owner is still approving at the provider, and plan changes with proration.
ALTER TABLE "subscriptions" ADD COLUMN "pendingMethod" TEXT;
ALTER TABLE "subscriptions" ADD COLUMN "pendingToken" TEXT;

CREATE TABLE "plan_changes" (
  "id" TEXT NOT NULL,
  "storeId" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "fromPlanCode" TEXT NOT NULL,
  "toPlanCode" TEXT NOT NULL,
  "toPlanId" TEXT NOT NULL,
  "fromPriceMinor" INTEGER NOT NULL,
  "toPriceMinor" INTEGER NOT NULL,
  "fromCurrency" TEXT NOT NULL,
  "toCurrency" TEXT NOT NULL,
  "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
  "appliedAt" TIMESTAMPTZ(3),
  "prorationMinor" INTEGER NOT NULL DEFAULT 0,
  "actorId" TEXT,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "plan_changes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "plan_changes_storeId_effectiveAt_idx" ON "plan_changes"("storeId", "effectiveAt");
CREATE INDEX "plan_changes_appliedAt_effectiveAt_idx" ON "plan_changes"("appliedAt", "effectiveAt");
