import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import pg from "pg";
import { hotPathDb, prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { ingestMetaEvents } from "@/lib/pipeline/ingest-meta-events";
import { seedStore } from "@/tests/helpers/seed";
import { understandComment } from "./understand-comment";


beforeAll(() => {
  process.env.APP_URL = "http://localhost:3999";
  reloadEnv();
});

let counting: string[] | null = null;
const original = pg.Client.prototype.query;
beforeAll(() => {
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    const text = typeof config === "string" ? config : (config as { text?: string })?.text;
    if (counting && text && !text.includes("pg_notify")) counting.push(text);
    return (original as unknown as (...a: unknown[]) => unknown).call(this, config, ...rest);
  };
});
afterAll(() => {
  pg.Client.prototype.query = original;
});

async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  counting = [];
  try {
    const result = await fn();
    return { result, statements: counting };
  } finally {
    counting = null;
  }
}

let n = 0;
async function comment(seeded: Awaited<ReturnType<typeof seedStore>>, message: string, authorId = `author_${++n}_${Date.now()}`) {
  const metaCommentId = `c_${++n}_${Math.random().toString(36).slice(2)}`;
  await ingestMetaEvents([{ type: "comment", pageId: seeded.pageId, commentId: metaCommentId, postId: seeded.live.fbPostId!, from: { id: authorId, name: "Ana" }, message, createdTime: new Date() }]);
  return prisma.comment.findUniqueOrThrow({ where: { metaCommentId } });
}

describe("understandComment", () => {
  test("reads the comment with its buyer in one statement and writes decision, comment and buyer locale in a second", async () => {
    const seeded = await seedStore();
    await understandComment({ commentId: (await comment(seeded, "hola")).id }); // warms the catalog index
    const c = await comment(seeded, "quiero 2 de la A12");
    const { result, statements } = await statementsOf(() => understandComment({ commentId: c.id }));
    expect(statements).toHaveLength(2);
    expect(result).toMatchObject({ action: "act", intent: "BUY", sku: "A12", quantity: 2, confident: true });
    const stored = await prisma.comment.findUniqueOrThrow({ where: { id: c.id }, include: { buyer: true } });
    expect(stored).toMatchObject({ status: "PROCESSING", intent: "BUY", sku: "A12", quantity: 2, language: "es", processedAt: null });
    expect(stored.buyer).toMatchObject({ authorId: c.authorId, name: "Ana", locale: "es", storeId: seeded.store.id, pageId: seeded.pageId });
    expect(await prisma.aiDecision.findMany({ where: { commentId: c.id } })).toMatchObject([{ engine: "rules", intent: "BUY", sku: "A12", quantity: 2 }]);
  });

  test("run again before the comment is answered (a crash re-runs the step), it answers the same and logs no second decision", async () => {
    const seeded = await seedStore();
    const c = await comment(seeded, "quiero 2 de la A12");
    const first = await understandComment({ commentId: c.id });
    expect(first).toMatchObject({ action: "act", intent: "BUY" });
    expect(await understandComment({ commentId: c.id })).toEqual(first);
    expect(await prisma.aiDecision.count({ where: { commentId: c.id } })).toBe(1);
  });

  test("a replayed step (comment no longer RECEIVED/PROCESSING) is skipped and writes nothing", async () => {
    const seeded = await seedStore();
    const c = await comment(seeded, "quiero A12");
    await prisma.comment.update({ where: { id: c.id }, data: { status: "PROCESSED" } });
    expect(await understandComment({ commentId: c.id })).toEqual({ action: "skip", reason: "already processed" });
    expect(await prisma.aiDecision.count({ where: { commentId: c.id } })).toBe(0);
    expect(await prisma.buyer.count({ where: { storeId: seeded.store.id } })).toBe(0);
    expect(await understandComment({ commentId: "no-such-comment" })).toEqual({ action: "skip", reason: "comment not found" });
  });

  test("two first comments of the same new author at once resolve to one buyer", async () => {
    const seeded = await seedStore();
    const authorId = `same_${Date.now()}`;
    const comments = await Promise.all(Array.from({ length: 6 }, () => comment(seeded, "quiero A12", authorId)));
    const results = await Promise.all(comments.map((c) => understandComment({ commentId: c.id })));
    const buyers = await prisma.buyer.findMany({ where: { storeId: seeded.store.id, authorId } });
    expect(buyers).toHaveLength(1);
    expect(results.map((r) => (r.action === "act" ? r.buyerId : null))).toEqual(comments.map(() => buyers[0]!.id));
  });

  test("kill switch, opt-out and manual takeover are tagged (kill switch → PAUSED, takeover → NEEDS_REVIEW)", async () => {
    const seeded = await seedStore();
    const paused = await comment(seeded, "quiero A12", "paused_author");
    await prisma.buyer.create({ data: { storeId: seeded.store.id, pageId: seeded.pageId, authorId: "paused_author", botPausedAt: new Date(), locale: "pt" } });
    expect(await understandComment({ commentId: paused.id })).toEqual({ action: "skip", reason: "manual takeover: the seller is handling this buyer" });
    const p = await prisma.comment.findUniqueOrThrow({ where: { id: paused.id }, include: { buyer: true } });
    expect(p).toMatchObject({ status: "NEEDS_REVIEW", intent: "BUY", sku: "A12" });
    expect(p.processedAt).not.toBeNull();
    expect(p.reason).toMatch(/— manual takeover/);
    expect(p.buyer!.locale).toBe("es"); // she now wrote clearly in Spanish: replies follow her latest clear language

    const optedOut = await comment(seeded, "quiero A12", "stop_author");
    await prisma.buyer.create({ data: { storeId: seeded.store.id, pageId: seeded.pageId, authorId: "stop_author", optedOutAt: new Date() } });
    expect(await understandComment({ commentId: optedOut.id })).toEqual({ action: "skip", reason: "buyer opted out" });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: optedOut.id } })).status).toBe("SKIPPED");

    await prisma.live.update({ where: { id: seeded.live.id }, data: { botEnabled: false } });
    const off = await comment(seeded, "quiero A12");
    expect(await understandComment({ commentId: off.id })).toEqual({ action: "skip", reason: "kill switch: bot disabled for this live" });
    // Received while paused: kept apart from SKIPPED so the seller can have it processed later.
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: off.id } })).toMatchObject({ status: "PAUSED", intent: "BUY", sku: "A12" });
    const endedWhileOff = await comment(seeded, "quiero A12");
    const ended = await comment(seeded, "quiero A12");
    await prisma.live.update({ where: { id: seeded.live.id }, data: { botEnabled: true, status: "ENDED" } }); // ended after the comment came in
    expect(await understandComment({ commentId: ended.id })).toEqual({ action: "skip", reason: "live has ended" });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: ended.id } })).status).toBe("SKIPPED");
    // A live that ended no longer sells, whatever its switch said: nothing to process later.
    await prisma.live.update({ where: { id: seeded.live.id }, data: { botEnabled: false } });
    expect(await understandComment({ commentId: endedWhileOff.id })).toEqual({ action: "skip", reason: "live has ended" });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: endedWhileOff.id } })).status).toBe("SKIPPED");
  });

  test("a sale does not rebuild the catalog index; a catalog edit does, at once", async () => {
    const seeded = await seedStore();
    const indexes = (globalThis as unknown as { __lssCatalogIndexes: Map<string, unknown> }).__lssCatalogIndexes;
    await understandComment({ commentId: (await comment(seeded, "quiero A12")).id });
    const built = indexes.get(seeded.store.id);
    expect(built).toBeDefined();
    // What a reservation does to the product row.
    await hotPathDb.$executeRaw`UPDATE products SET reserved = reserved + 1, "updatedAt" = now() WHERE id = ${seeded.products[0]!.id}`;
    await understandComment({ commentId: (await comment(seeded, "quiero A12")).id });
    expect(indexes.get(seeded.store.id)).toBe(built);

    await prisma.product.update({ where: { id: seeded.products[0]!.id }, data: { sku: "Z99" } });
    const r = await understandComment({ commentId: (await comment(seeded, "quiero Z99")).id });
    expect(indexes.get(seeded.store.id)).not.toBe(built);
    expect(r).toMatchObject({ action: "act", intent: "BUY", sku: "Z99", productId: seeded.products[0]!.id });
  });

  test("with an LLM configured, the availability it sees is refreshed after a minute, not on every sale", async () => {
    process.env.OPENAI_API_KEY = "sk-test-not-used";
    process.env.OPENAI_BASE_URL = "http://127.0.0.1:1/v1"; // never reached: the rules settle these comments
    reloadEnv();
    try {
      const seeded = await seedStore();
      const indexes = (globalThis as unknown as { __lssCatalogIndexes: Map<string, { index: { products: { product: { available?: number } }[] } }> }).__lssCatalogIndexes;
      await understandComment({ commentId: (await comment(seeded, "quiero A12")).id });
      const built = indexes.get(seeded.store.id)!;
      expect(built.index.products[0]!.product.available).toBe(10);
      await hotPathDb.$executeRaw`UPDATE products SET reserved = reserved + 3, "updatedAt" = now() WHERE id = ${seeded.products[0]!.id}`;
      await understandComment({ commentId: (await comment(seeded, "quiero A12")).id });
      expect(indexes.get(seeded.store.id)).toBe(built);
      const now = Date.now();
      vi.spyOn(Date, "now").mockReturnValue(now + 61_000);
      await understandComment({ commentId: (await comment(seeded, "quiero A12")).id });
      expect(indexes.get(seeded.store.id)).not.toBe(built);
      expect(indexes.get(seeded.store.id)!.index.products[0]!.product.available).toBe(7);
    } finally {
      vi.restoreAllMocks();
      delete process.env.OPENAI_API_KEY;
      delete process.env.OPENAI_BASE_URL;
      reloadEnv();
    }
  });
});
