import { randomUUID } from "node:crypto";
import { hotPathDb, rehearseHotPath } from "@/lib/db";

/** What a comment's job receives (the "comment/received" event's data). */
export type RehearsedComment = { commentId: string; storeId: string; liveId: string };

/**
 * Comments as buyers write them, covering the hot path's branches: a new buyer's first cart, the same
 * buyer adding to it, a size in the product's name, a code, Portuguese, a question the catalog answers,
 * a product out of stock, a greeting.
 */
const TEXTS = [
  "quiero 2 de la polera roja M",
  "SOLD A12",
  "eu quero a bolsa preta",
  "me llevo la A12 porfa",
  "cuanto cuesta la polera roja?",
  "quiero el gorro azul",
  "hola!! saludos desde Temuco",
  "I'll take 1 B7",
];
const AUTHORS = 3;

/**
 * Runs the comment pipeline on synthetic comments of a synthetic store, inside a transaction that is
 * rolled back (rehearseHotPath): one pooled connection prepares and plans every statement of the path,
 * and the process compiles its code, before any buyer's comment arrives. Nothing is written and nothing
 * leaves the process: the store has no Facebook Page (its replies are recorded as not sent, inside the
 * rolled-back transaction), the LLM and dashboard events are off inside a rehearsal, and the Prisma
 * client throws there. Returns how many comments went through without an error.
 */
export async function rehearseComments({ process, rounds }: { process: (comment: RehearsedComment) => Promise<unknown>; rounds: number }): Promise<number> {
  return rehearseHotPath(async () => {
    const { storeId, liveId } = await seedRehearsalStore();
    let n = 0;
    for (let round = 0; round < rounds; round++) {
      for (const [i, text] of TEXTS.entries()) {
        const commentId = await insertComment({ storeId, liveId, text, author: `rehearsal-${(round + i) % AUTHORS}` });
        // A savepoint per comment: a failing statement undoes that comment only, the rehearsal goes on.
        const ok = await hotPathDb.$transaction(() => process({ commentId, storeId, liveId })).then(
          () => true,
          () => false,
        );
        if (ok) n++;
      }
    }
    return n;
  });
}

/** A store on air (its live, four products) that exists only inside the caller's rehearsal; `pageId` gives it a Facebook Page id. */
export async function seedRehearsalStore({ pageId = null }: { pageId?: string | null } = {}): Promise<{ storeId: string; liveId: string }> {
  const storeId = `rehearsal-${randomUUID()}`;
  const liveId = `rehearsal-${randomUUID()}`;
  await hotPathDb.$executeRaw`
    WITH s AS (
      INSERT INTO stores (id, name, country, currency, "fbPageId", "updatedAt") VALUES (${storeId}, 'Rehearsal', 'CL', 'CLP', ${pageId}::text, now()) RETURNING id
    ), l AS (
      INSERT INTO lives (id, "storeId", "fbVideoId", title) SELECT ${liveId}, s.id, ${liveId}, 'Rehearsal' FROM s RETURNING id
    )
    INSERT INTO products (id, "storeId", sku, name, "priceMinor", stock, keywords, color, size, "updatedAt")
    SELECT ${storeId} || ':' || p.sku, s.id, p.sku, p.name, p.price, p.stock, p.keywords, p.color, p.size, now()
    FROM s, l, (VALUES
      ('A12', 'Polera roja M', 9990, 1000, ARRAY['polera', 'roja'], 'rojo', 'M'),
      ('A13', 'Polera roja L', 9990, 1000, ARRAY['polera', 'roja'], 'rojo', 'L'),
      ('B7', 'Bolsa preta', 19990, 1000, ARRAY['bolsa', 'bag'], 'negro', NULL),
      ('C3', 'Gorro azul', 4990, 0, ARRAY['gorro'], 'azul', NULL)
    ) AS p(sku, name, price, stock, keywords, color, size)`;
  return { storeId, liveId };
}

async function insertComment({ storeId, liveId, text, author }: { storeId: string; liveId: string; text: string; author: string }): Promise<string> {
  const commentId = `rehearsal-${randomUUID()}`;
  await hotPathDb.$executeRaw`
    INSERT INTO comments (id, "storeId", "liveId", "metaCommentId", "postId", "authorId", "authorName", text, "createdTime")
    VALUES (${commentId}, ${storeId}, ${liveId}, ${commentId}, ${liveId}, ${author}, 'Rehearsal', ${text}, now())`;
  return commentId;
}
