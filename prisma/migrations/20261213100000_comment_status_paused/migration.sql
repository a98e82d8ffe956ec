-- Comments that arrive while a live's bot is off (kill switch) are kept as PAUSED instead of SKIPPED, so
-- the seller sees them as "received while paused" and can have them processed when the bot is back on.
ALTER TYPE "CommentStatus" ADD VALUE 'PAUSED';

-- When such a comment was handed back to the bot: the Control Center's comment → DM latency counts from
-- there, not from a pause that may have lasted minutes. Nullable, no index (comment updates stay HOT).
ALTER TABLE "comments" ADD COLUMN "resumedAt" TIMESTAMPTZ(3);
