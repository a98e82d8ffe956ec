-- What Meta last said about a connected Page token (debug_token), and when the owners were told it is going bad.
ALTER TABLE "meta_connections" ADD COLUMN "tokenExpiresAt" TIMESTAMPTZ(3);
ALTER TABLE "meta_connections" ADD COLUMN "dataAccessExpiresAt" TIMESTAMPTZ(3);
ALTER TABLE "meta_connections" ADD COLUMN "tokenCheckedAt" TIMESTAMPTZ(3);
ALTER TABLE "meta_connections" ADD COLUMN "expiryWarnedAt" TIMESTAMPTZ(3);
ALTER TABLE "meta_connections" ADD COLUMN "permissionsWarnedAt" TIMESTAMPTZ(3);
