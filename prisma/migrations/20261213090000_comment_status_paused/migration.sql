-- Comments that arrive while a live's bot is off (kill switch) are kept as PAUSED instead of SKIPPED, so
-- the seller sees them as "received while paused" and can have them processed when the bot is back on.
ALTER TYPE "CommentStatus" ADD VALUE 'PAUSED';
