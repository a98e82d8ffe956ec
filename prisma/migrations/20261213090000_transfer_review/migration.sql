-- A bank transfer is confirmed by the seller, not by a provider: while the buyer's receipt waits for
-- that review the order keeps its reservation (orders."expiresAt" is pushed to the end of the hold;
-- "transferReviewSince" marks the wait, so no "your cart expires soon" reminder goes out meanwhile).
-- The hold is a store setting (NULL = the default of 48 hours). A rejected receipt keeps the reason the
-- buyer is shown and when it was reviewed.
ALTER TABLE "orders" ADD COLUMN "transferReviewSince" TIMESTAMPTZ(3);

ALTER TABLE "payments" ADD COLUMN "rejectionReason" TEXT,
ADD COLUMN "reviewedAt" TIMESTAMPTZ(3);

ALTER TABLE "stores" ADD COLUMN "transferReviewHoldSeconds" INTEGER;
