import { afterAll, beforeAll, expect, test } from "vitest";
import { disconnectPrisma, hotPathDb, prisma, rehearseHotPath } from "@/lib/db";
import { warmUpWorker } from "@/lib/jobs/warm-up";
import { processComment } from "@/inngest/functions/process-comment";
import { rehearseComments } from "@/lib/pipeline/rehearse-comments";
import { graphClient } from "@/lib/messaging/graph";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { reloadEnv } from "@/tests/helpers/env";
import { parseJobEvent, type JobStep, type StepResult } from "@/lib/jobs/define";
import { rehearseWebhooks } from "@/lib/pipeline/rehearse-webhooks";
import { metrics } from "@/lib/observability/metrics";
import { onLocalWake } from "@/lib/jobs/local/wake";

let graph: FakeGraphServer;
beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  reloadEnv();
});
afterAll(async () => {
  await graph.close();
  await disconnectPrisma();
});

const refuse = () => Promise.reject(new Error("only step.run in this test"));
/** Each step run once, in place, as the start-up rehearsal runs them. */
const inlineStep: JobStep = { run: async <T>(_id: string, fn: () => T | Promise<T>) => (await fn()) as StepResult<T>, sleep: refuse, sleepUntil: refuse, sendEvent: refuse };

const TABLES = ["stores", "lives", "products", "comments", "buyers", "orders", "order_items", "reservations", "outbound_messages", "ai_decisions", "usage_counters", "audit_logs", "jobs"] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(row!.n);
  }
  return counts;
}

/** The statements prepared on each of `n` pooled connections (n concurrent rehearsals take one connection each). */
async function preparedPerConnection(n: number) {
  return Promise.all(
    Array.from({ length: n }, () =>
      rehearseHotPath(async () => {
        const [row] = await hotPathDb.$queryRaw<{ pid: number; statements: string[] }[]>`
          SELECT pg_backend_pid() AS pid, array_agg(statement) AS statements, pg_sleep(0.1)::text
          FROM pg_prepared_statements WHERE statement NOT LIKE '%pg_prepared_statements%'`;
        return row!;
      }),
    ),
  );
}

test("the start-up rehearsal takes synthetic comments through process-comment on every pooled connection, preparing the pipeline's statements there, and writes and sends nothing", async () => {
  const before = await rowCounts();
  await disconnectPrisma(); // a fresh pool, as in a worker that just started

  const warm = await warmUpWorker({ connections: 3, functions: [processComment] });

  expect(warm.comments).toBe(3 * 3 * 8); // 3 connections × 3 rounds × 8 comments, none failed
  const connections = await preparedPerConnection(3);
  expect(new Set(connections.map((c) => c.pid)).size).toBe(3);
  for (const { statements } of connections) {
    const has = (marker: string) => statements.some((s) => s.includes(marker));
    expect(has("WITH lim AS MATERIALIZED")).toBe(true); // the job claim
    expect(has("INSERT INTO ai_decisions")).toBe(true); // understand
    expect(has("WITH buyer_turn AS")).toBe(true); // reserve
    expect(has("INSERT INTO outbound_messages")).toBe(true); // the replies' claim
    expect(has("UPDATE outbound_messages")).toBe(true); // the replies' record
  }
  expect(await rowCounts()).toEqual(before);
  expect(graph.calls).toEqual([]);
});

test("inside a rehearsal the comment pipeline reserves and records its replies as not sent, all undone afterwards", async () => {
  let seen: { orders: number; items: number; failedReplies: number; checkout: number } | undefined;
  const n = await rehearseComments({
    rounds: 1,
    process: async (comment) => {
      await processComment.handler({ event: parseJobEvent(processComment, { name: "comment/received", data: comment, id: comment.commentId, ts: Date.now() }), step: inlineStep, attempt: 0, runId: "t", logger: console });
      const [row] = await hotPathDb.$queryRaw<{ orders: number; items: number; failed: number; checkout: number }[]>`
        SELECT (SELECT count(*)::int FROM orders WHERE "storeId" = ${comment.storeId}) AS orders,
          (SELECT coalesce(sum(quantity), 0)::int FROM order_items i JOIN orders o ON o.id = i."orderId" WHERE o."storeId" = ${comment.storeId}) AS items,
          (SELECT count(*)::int FROM outbound_messages WHERE "storeId" = ${comment.storeId} AND status = 'FAILED' AND error = 'Facebook Page not connected') AS failed,
          (SELECT count(*)::int FROM outbound_messages WHERE "storeId" = ${comment.storeId} AND purpose = 'checkout') AS checkout`;
      seen = { orders: row!.orders, items: row!.items, failedReplies: row!.failed, checkout: row!.checkout };
    },
  });
  expect(n).toBe(8);
  // Three synthetic buyers' carts; "quiero 2 de la polera roja M" alone puts 2 units in one.
  expect(seen!.orders).toBeGreaterThanOrEqual(2);
  expect(seen!.items).toBeGreaterThanOrEqual(4);
  expect(seen!.checkout).toBeGreaterThanOrEqual(2);
  expect(seen!.failedReplies).toBeGreaterThanOrEqual(4);
  const [left] = await hotPathDb.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM stores WHERE id LIKE 'rehearsal-%'`;
  expect(left!.n).toBe(0);
});

test("a rehearsal refuses what would escape its transaction: the Prisma client and Graph API calls", async () => {
  await rehearseHotPath(async () => {
    expect(() => prisma.store).toThrow(/not available in a rehearsal/);
    expect(() => graphClient()).toThrow(/no Graph API call in a rehearsal/);
  });
  // Outside it both work again.
  expect(typeof (await prisma.store.count())).toBe("number");
  expect(graphClient()).toBeTruthy();
});

test("the web server's start-up rehearsal takes signed synthetic deliveries through the webhook code, storing, counting and waking nothing", async () => {
  const before = await rowCounts();
  const counted = (await metrics().commentsIngested.get()).values.reduce((a, v) => a + v.value, 0);
  let woken = 0;
  const stopListening = onLocalWake(() => woken++);
  try {
    expect(await rehearseWebhooks({ deliveries: 6 })).toBe(6); // each delivery's comment stored, then rolled back
  } finally {
    stopListening();
  }
  expect(woken).toBe(0);
  expect((await metrics().commentsIngested.get()).values.reduce((a, v) => a + v.value, 0)).toBe(counted);
  expect(await rowCounts()).toEqual(before);
  // The connection it used kept the webhook's insert prepared.
  const [connection] = await preparedPerConnection(1);
  expect(connection!.statements.some((s) => s.includes("INSERT INTO comments"))).toBe(true);
});
