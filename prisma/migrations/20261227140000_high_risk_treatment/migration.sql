-- High-risk buyers: the store chooses a shorter hold, pay-first or the seller approval.
ALTER TABLE "stores" ADD COLUMN "highRiskTreatment" TEXT NOT NULL DEFAULT 'short_hold';
-- Orders the buyer risk changed: pay-first orders hold no stock, approval orders wait for the seller.
ALTER TABLE "orders" ADD COLUMN "riskMode" TEXT;
ALTER TABLE "orders" ADD COLUMN "approvedAt" TIMESTAMPTZ(3);
