-- Billing collection and dunning (issue 17): the payment method of a subscription, its dunning stage and
-- the collection state of every invoice (totals per currency, attempts, the next retry, when it was paid).
ALTER TABLE "subscriptions" ADD COLUMN "paymentMethod" TEXT;
ALTER TABLE "subscriptions" ADD COLUMN "paymentToken" TEXT;
ALTER TABLE "subscriptions" ADD COLUMN "pastDueSince" TIMESTAMPTZ(3);
ALTER TABLE "subscriptions" ADD COLUMN "dunningStage" TEXT;

ALTER TABLE "invoices" ADD COLUMN "totals" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "invoices" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "invoices" ADD COLUMN "nextAttemptAt" TIMESTAMPTZ(3);
ALTER TABLE "invoices" ADD COLUMN "paidAt" TIMESTAMPTZ(3);
ALTER TABLE "invoices" ADD COLUMN "lastError" TEXT;
ALTER TABLE "invoices" ADD COLUMN "providerRef" TEXT;
CREATE INDEX "invoices_status_nextAttemptAt_idx" ON "invoices"("status", "nextAttemptAt");

CREATE TABLE "platform_settings" (
  "key" TEXT NOT NULL,
  "value" JSONB NOT NULL,
  "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "platform_settings_pkey" PRIMARY KEY ("key")
);
