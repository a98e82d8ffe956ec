-- The lease of an idle Page (lib/meta/page-pacer.ts): one process at a time may send a few calls per
-- second without reserving each, until leaseUntil.
ALTER TABLE "page_send_pacing" ADD COLUMN "leaseHolder" TEXT;
ALTER TABLE "page_send_pacing" ADD COLUMN "leaseUntil" TIMESTAMPTZ(6);
