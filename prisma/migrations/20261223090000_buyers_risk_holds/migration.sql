-- Buyers and results (issue 19): the stored risk score read by the reservation path, the store settings for
-- high-risk buyers and for replies to blocked buyers, and the live report email marker.
ALTER TABLE "buyers" ADD COLUMN "riskScore" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "buyers" ADD COLUMN "riskScoredAt" TIMESTAMPTZ(3);
ALTER TABLE "stores" ADD COLUMN "highRiskThreshold" INTEGER;
ALTER TABLE "stores" ADD COLUMN "highRiskHoldSeconds" INTEGER NOT NULL DEFAULT 300;
ALTER TABLE "stores" ADD COLUMN "blockedBuyerReply" TEXT NOT NULL DEFAULT 'none';
ALTER TABLE "lives" ADD COLUMN "reportEmailedAt" TIMESTAMPTZ(3);
