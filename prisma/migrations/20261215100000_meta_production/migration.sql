-- Meta in production (issue 18): lives that start themselves, and a Page connection that knows when Meta revoked it.
ALTER TABLE "stores" ADD COLUMN "autoStartLives" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "meta_connections" ADD COLUMN "disconnectedAt" TIMESTAMPTZ(3);
ALTER TABLE "meta_connections" ADD COLUMN "disconnectReason" TEXT;
ALTER TABLE "meta_connections" ADD COLUMN "missingPermissions" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
