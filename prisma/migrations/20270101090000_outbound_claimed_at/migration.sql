-- When the try now responsible for an outbound message claimed it. A public reply whose earlier claim recorded
-- nothing and is younger than the in-flight window (send-message.ts, PUBLIC_REPLY_IN_FLIGHT_SECONDS) may still
-- be on its way to Meta: a second try only looks for it on the Page and never posts while that window is open.
-- Nullable and without a default, so adding it rewrites nothing: rows claimed before it have no claim time
-- and count as finished.
ALTER TABLE "outbound_messages" ADD COLUMN "claimedAt" TIMESTAMPTZ(3);
