-- Every comment is updated about three times right after its insert (understood, linked to its order,
-- answered). An update is HOT (no new entry in any index) only when no index covers an updated column
-- and the new version fits in the same page. No query reads comments by status alone, so its index
-- goes, and pages keep 20 % free for the updated versions.
DROP INDEX "comments_status_receivedAt_idx";
ALTER TABLE "comments" SET (fillfactor = 80);
