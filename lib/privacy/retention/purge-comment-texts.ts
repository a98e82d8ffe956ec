import { prisma } from "@/lib/db";

const BATCH = 2_000;

/**
 * Comments without buying intent lose their text after their store's `commentRetentionDays` (90 by
 * default), and so do the AI decisions about them. Batched (short locks on the hot comments table);
 * idempotent: an emptied text is never touched again. Returns how many rows were emptied, per store.
 */
export async function purgeCommentTexts({ now = new Date() }: { now?: Date } = {}) {
  const perStore = new Map<string, number>();
  let comments = 0;
  for (;;) {
    const rows = await prisma.$queryRaw<{ storeId: string }[]>`
      UPDATE comments c SET text = '' FROM (
        SELECT c2.id FROM comments c2 JOIN stores s ON s.id = c2."storeId"
        WHERE c2.text <> '' AND c2.intent IS DISTINCT FROM 'BUY'::"Intent"
          AND c2."receivedAt" < ${now}::timestamptz - make_interval(days => s."commentRetentionDays")
        LIMIT ${BATCH} FOR UPDATE OF c2 SKIP LOCKED
      ) old WHERE c.id = old.id RETURNING c."storeId"`;
    for (const r of rows) perStore.set(r.storeId, (perStore.get(r.storeId) ?? 0) + 1);
    comments += rows.length;
    if (rows.length < BATCH) break;
  }
  let decisions = 0;
  for (;;) {
    const n = await prisma.$executeRaw`
      UPDATE ai_decisions d SET text = '' FROM (
        SELECT d2.id FROM ai_decisions d2 JOIN stores s ON s.id = d2."storeId"
        WHERE d2.text <> '' AND d2.intent <> 'BUY'::"Intent"
          AND d2."createdAt" < ${now}::timestamptz - make_interval(days => s."commentRetentionDays")
        LIMIT ${BATCH}
      ) old WHERE d.id = old.id`;
    decisions += n;
    if (n < BATCH) break;
  }
  return { comments, ai_decisions: decisions, per_store: Object.fromEntries(perStore) };
}
