import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { disconnectPrisma, hotPathDb, type SqlClient } from "@/lib/db";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { createGraphClient, sendBucket } from "./graph-client";
import { createPagePacer, leaseQuota, pacedRate } from "./page-pacer";
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

/** hotPathDb, counting its statements: the pacer must not cost one per send under load. */
function counting() {
  let statements = 0;
  const db: SqlClient = {
    $queryRaw: <T,>(strings: TemplateStringsArray, ...values: unknown[]) => (statements++, hotPathDb.$queryRaw<T>(strings, ...values)),
    $executeRaw: (strings: TemplateStringsArray, ...values: unknown[]) => (statements++, hotPathDb.$executeRaw(strings, ...values)),
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

  test("an idle Page's sends cost no statement each: one lease covers a second of a quiet live", async () => {
    const { db, statements } = counting();
    const pacer = createPagePacer({ db, ratePerSecond: () => pacedRate(300) });
    const bucket = sendBucket(unique("page"));
    // A quiet live: 12 sends over ~0.6 s, each waiting for nothing.
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      await pacer.take(bucket);
      expect(performance.now() - t0).toBeLessThan(50);
      await new Promise((r) => setTimeout(r, 50));
    }
    // Before the lease: one UPDATE per send (12).
    expect(statements()).toBe(1);
  });

  test("the lease goes to one process at a time: another instance on the same Page reserves its sends", async () => {
    const [a, b] = [counting(), counting()];
    const pacers = [createPagePacer({ db: a.db, ratePerSecond: () => pacedRate(300) }), createPagePacer({ db: b.db, ratePerSecond: () => pacedRate(300) })];
    const bucket = sendBucket(unique("page"));
    await pacers[0]!.take(bucket);
    for (let i = 0; i < 5; i++) {
      await pacers[0]!.take(bucket);
      await pacers[1]!.take(bucket);
      await new Promise((r) => setTimeout(r, 120));
    }
    expect(a.statements()).toBe(1);
    expect(b.statements()).toBe(5);
  });

  test("leases or not, a Page's sends from three instances never exceed its ceiling in any second", async () => {
    const ceiling = 100;
    const bucket = sendBucket(unique("page"));
    expect(leaseQuota(pacedRate(ceiling))).toBeGreaterThan(0);
    const sentAt: number[] = [];
    // Each instance is quiet for a while (the Page idle: a lease), then floods it far above the ceiling.
    await Promise.all([0, 1, 2].map(async (k) => {
      const pacer = createPagePacer({ db: hotPathDb, ratePerSecond: () => pacedRate(ceiling) });
      const sends: Promise<void>[] = [];
      for (let i = 0; i < 10; i++) {
        sends.push(pacer.take(bucket).then(() => void sentAt.push(performance.now())));
        await new Promise((r) => setTimeout(r, 40 + k * 7));
      }
      for (let i = 0; i < 150; i++) {
        sends.push(pacer.take(bucket).then(() => void sentAt.push(performance.now())));
        if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
      }
      await Promise.all(sends);
    }));
    sentAt.sort((x, y) => x - y);
    let peak = 0;
    for (let i = 0, j = 0; i < sentAt.length; i++) {
      while (sentAt[i]! - sentAt[j]! >= 1000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    expect(sentAt).toHaveLength(480);
    expect(peak).toBeLessThanOrEqual(ceiling);
  }, 30_000);

  test("a 613 pushes the shared schedule back for every instance, and the send still goes out once", async () => {
    graph.reset();
    const pageId = unique("page");
    graph.failNext({ code: 613, times: 1, path: `/${pageId}/messages` });
    const pacer = createPagePacer({ db: hotPathDb, ratePerSecond: () => pacedRate(300) });
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
    await createPagePacer({ db: hotPathDb, ratePerSecond: () => pacedRate(300) }).penalize(sendBucket(pageId), 5_000);
    expect((await pagePacingStatus({ pageId }))?.seconds).toBeGreaterThanOrEqual(4);
  });

  test("the seller's status says how many replies wait and for how long, from the shared schedule", async () => {
    const pageId = unique("page");
    expect(await pagePacingStatus({ pageId })).toBeNull();
    await hotPathDb.$executeRaw`
      INSERT INTO page_send_pacing (bucket, tat, rate) VALUES (${sendBucket(pageId)}, clock_timestamp() + interval '3 seconds', 250)`;

    const status = await pagePacingStatus({ pageId });

    expect(status?.seconds).toBe(3);
    expect(status?.waiting).toBeGreaterThan(700);
    expect(status?.waiting).toBeLessThanOrEqual(750);
  });
});
