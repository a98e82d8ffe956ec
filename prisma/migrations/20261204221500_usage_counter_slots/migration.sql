-- Usage counters are bumped by every webhook delivery and every message sent. One row per store and
-- month made that row the hottest lock of a busy live: writers now spread over 64 slot rows and
-- readers sum them.
ALTER TABLE "usage_counters" ADD COLUMN "slot" SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE "usage_counters" DROP CONSTRAINT "usage_counters_pkey";
ALTER TABLE "usage_counters" ADD CONSTRAINT "usage_counters_pkey" PRIMARY KEY ("storeId", "period", "slot");
