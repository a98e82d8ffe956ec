import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { disconnectPrisma, pgDb, type SqlClient } from "@/lib/db";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { createGraphClient, sendBucket } from "./graph-client";
import { createPagePacer, pacedRate } from "./page-pacer";
import { pagePacingStatus } from "./page-pacing-status";

let graph: FakeGraphServer;
beforeAll(async () => {
  graph = await startFakeGraphServer();
});
afterAll(async () => {
  await graph.close();
  await disconnectPrisma();
});

const unique = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** pgDb, counting its statements: the pacer must not cost one per send under load. */
function counting() {
  let statements = 0;
  const db: SqlClient = {
    $queryRaw: <T,>(strings: TemplateStringsArray, ...values: unknown[]) => (statements++, pgDb.$queryRaw<T>(strings, ...values)),
    $executeRaw: (strings: TemplateStringsArray, ...values: unknown[]) => (statements++, pgDb.$executeRaw(strings, ...values)),
  };
  return { db, statements: () => statements };
}

/** Two app instances: each its own pacer and Graph client, one database, one fake Meta. */
function instances(ceilingPerSecond: number) {
  return [0, 1].map(() => {
    const { db, statements } = counting();
    const pacer = createPagePacer({ db, ratePerSecond: () => pacedRate(ceilingPerSecond) });
    // Retries stand in for the job layer, which reschedules a send Meta still refuses after the client's own.
    const client = createGraphClient({ baseUrl: graph.url, pacer, maxRetries: 8, baseDelayMs: 100, maxDelayMs: 2_000 });
    return { client, statements };
  });
}

describe("pacing at the Page ceiling", () => {
  test("a burst above Meta's per-Page ceiling from two instances is paced under it: every DM delivered once, no 613 storm", async () => {
    graph.reset();
    graph.limitSendRate(40);
    const pageId = unique("page");
    const comments = Array.from({ length: 120 }, (_, i) => `${pageId}_c${i}`);
    const apps = instances(40);

    const results = await Promise.allSettled(
      comments.map((commentId, i) => apps[i % 2]!.client.sendPrivateReply({ pageId, commentId, message: { text: "Tu carrito" }, pageToken: "tok" })),
    );

    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(results.every((r) => r.status === "fulfilled" && !r.value.alreadySent)).toBe(true);
    // 0 lost, 0 duplicates: Meta holds exactly one private reply per comment.
    expect([...graph.privateRepliesByComment.keys()].sort()).toEqual([...comments].sort());
    // Without pacing, 120 sends at once against 40/s draw 80 refusals, then more on every retry. Paced,
    // only a stalled event loop (a busy shared machine) can bunch a few sends past the ceiling: 0–6 here
    // at a load average of 25.
    expect(graph.rateLimitedCalls).toBeLessThanOrEqual(comments.length / 5);
    // One reservation covers many sends: far fewer statements than sends.
    const statements = apps[0]!.statements() + apps[1]!.statements();
    expect(statements).toBeLessThan(comments.length / 3);
  });

  test("a 613 pushes the shared schedule back for every instance, and the send still goes out once", async () => {
    graph.reset();
    const pageId = unique("page");
    graph.failNext({ code: 613, times: 1, path: `/${pageId}/messages` });
    const pacer = createPagePacer({ db: pgDb, ratePerSecond: () => pacedRate(300) });
    const penalties: { bucket: string; ms: number }[] = [];
    const client = createGraphClient({
      baseUrl: graph.url,
      pacer: { take: (b) => pacer.take(b), penalize: (bucket, ms) => (penalties.push({ bucket, ms }), pacer.penalize(bucket, ms)) },
      maxRetries: 3,
      baseDelayMs: 100,
    });

    const result = await client.sendPrivateReply({ pageId, commentId: `${pageId}_c1`, message: { text: "hola" }, pageToken: "tok" });

    expect(result.alreadySent).toBe(false);
    expect(graph.privateRepliesByComment.size).toBe(1);
    expect(penalties).toEqual([{ bucket: sendBucket(pageId), ms: expect.any(Number) }]);

    // A longer refusal (Retry-After) held in the shared row: the seller sees the Page paced.
    await createPagePacer({ db: pgDb, ratePerSecond: () => pacedRate(300) }).penalize(sendBucket(pageId), 5_000);
    expect((await pagePacingStatus({ pageId }))?.seconds).toBeGreaterThanOrEqual(4);
  });

  test("the seller's status says how many replies wait and for how long, from the shared schedule", async () => {
    const pageId = unique("page");
    expect(await pagePacingStatus({ pageId })).toBeNull();
    await pgDb.$executeRaw`
      INSERT INTO page_send_pacing (bucket, tat, rate) VALUES (${sendBucket(pageId)}, clock_timestamp() + interval '3 seconds', 250)`;

    const status = await pagePacingStatus({ pageId });

    expect(status?.seconds).toBe(3);
    expect(status?.waiting).toBeGreaterThan(700);
    expect(status?.waiting).toBeLessThanOrEqual(750);
  });
});
