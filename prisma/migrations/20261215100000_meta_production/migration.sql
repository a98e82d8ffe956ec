-- Meta in production (issue 18): lives that start themselves, and a Page connection that knows when Meta revoked it.
ALTER TABLE "stores" ADD COLUMN "autoStartLives" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "meta_connections" ADD COLUMN "disconnectedAt" TIMESTAMPTZ(3);
ALTER TABLE "meta_connections" ADD COLUMN "disconnectReason" TEXT;
ALTER TABLE "meta_connections" ADD COLUMN "missingPermissions" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
-- Zero missed comments: a comment found by reading the live through the Graph API that the webhook never delivered.
ALTER TABLE "comments" ADD COLUMN "recovered" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "lives" ADD COLUMN "reconcileCursors" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "lives" ADD COLUMN "reconciledAt" TIMESTAMPTZ(3);
-- Carts that come back: the two recovery messages inside the 24 h window after a cart expired (a store setting).
ALTER TABLE "stores" ADD COLUMN "cartRecoveryMessages" BOOLEAN NOT NULL DEFAULT true;
