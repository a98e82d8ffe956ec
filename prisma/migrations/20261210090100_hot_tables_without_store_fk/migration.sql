-- The hot-path tables keep their storeId (every query is scoped by it) but lose the foreign key to
-- stores: on a busy live every concurrent transaction took a KEY SHARE lock on the same store row to
-- check it, and that row's lock churn became the pipeline's bottleneck (benchmark: comment to DM p95
-- fell several-fold without it). Rows are always written with a storeId read from a stored row, and
-- stores are suspended, never deleted.
ALTER TABLE "comments" DROP CONSTRAINT "comments_storeId_fkey";
ALTER TABLE "reservations" DROP CONSTRAINT "reservations_storeId_fkey";
ALTER TABLE "outbound_messages" DROP CONSTRAINT "outbound_messages_storeId_fkey";
ALTER TABLE "ai_decisions" DROP CONSTRAINT "ai_decisions_storeId_fkey";
ALTER TABLE "usage_counters" DROP CONSTRAINT "usage_counters_storeId_fkey";
