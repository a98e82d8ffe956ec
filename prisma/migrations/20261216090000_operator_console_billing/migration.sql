-- Billing (CONTRACT section 12) and the operator console (section 9).
-- Plan limits become one JSON object keyed by the billing metrics, plus a list of modules.
ALTER TABLE "plans" ADD COLUMN "limits" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "plans" ADD COLUMN "modules" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
UPDATE "plans" SET "limits" = jsonb_build_object('products', "maxProducts", 'comments', "maxCommentsPerMonth", 'staff', "maxStaff", 'lives', CASE WHEN "maxLivesPerMonth" >= 1000 THEN NULL WHEN "maxLivesPerMonth" >= 60 THEN 5 ELSE 3 END);
ALTER TABLE "plans" DROP COLUMN "maxProducts";
ALTER TABLE "plans" DROP COLUMN "maxLivesPerMonth";
ALTER TABLE "plans" DROP COLUMN "maxCommentsPerMonth";
ALTER TABLE "plans" DROP COLUMN "maxStaff";

ALTER TABLE "subscriptions" ADD COLUMN "trialEndsAt" TIMESTAMPTZ(3);
ALTER TABLE "subscriptions" ADD COLUMN "limitOverrides" JSONB NOT NULL DEFAULT '{}';
UPDATE "subscriptions" SET "trialEndsAt" = "currentPeriodEnd" WHERE "status" = 'TRIALING';

ALTER TABLE "stores" ADD COLUMN "suspendedReason" TEXT;

ALTER TABLE "support_tickets" ADD COLUMN "severity" TEXT NOT NULL DEFAULT 'S3';
CREATE INDEX "support_tickets_storeId_createdAt_idx" ON "support_tickets"("storeId", "createdAt");

CREATE TABLE "support_messages" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "fromStaff" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "support_messages_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "support_messages_ticketId_createdAt_idx" ON "support_messages"("ticketId", "createdAt");
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "support_tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "help_articles" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "help_articles_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "help_articles_slug_lang_key" ON "help_articles"("slug", "lang");

CREATE TABLE "invoices" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "period" TEXT NOT NULL,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "periodEnd" TIMESTAMPTZ(3) NOT NULL,
    "planCode" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "subscriptionMinor" INTEGER NOT NULL,
    "commission" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "invoices_storeId_period_key" ON "invoices"("storeId", "period");

CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "range" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "rows" INTEGER NOT NULL DEFAULT 0,
    "csv" TEXT,
    "error" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- password_reset_tokens: created by the accounts_security migration.
