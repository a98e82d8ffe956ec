-- Buyers as a seller CRM (issue 19): block, notes, tags and the store segment thresholds.
ALTER TABLE "buyers" ADD COLUMN "blockedAt" TIMESTAMPTZ(3);
ALTER TABLE "buyers" ADD COLUMN "notes" TEXT NOT NULL DEFAULT '';
ALTER TABLE "buyers" ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "stores" ADD COLUMN "buyerVipSpendMinor" INTEGER;
ALTER TABLE "stores" ADD COLUMN "buyerNonPayerUnpaid" INTEGER NOT NULL DEFAULT 3;
-- First opening of the checkout link by the buyer: the funnel step of the live report.
ALTER TABLE "orders" ADD COLUMN "checkoutOpenedAt" TIMESTAMPTZ(3);
