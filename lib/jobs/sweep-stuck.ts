import { prisma } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { expireOverdueOrders } from "@/lib/orders/expire-order";
import { reannounceStuckComments } from "@/lib/pipeline/reannounce-stuck-comments";

export const SWEEPERS = { orders: "expire-overdue-orders", comments: "reannounce-stuck-comments" } as const;
type SweeperName = (typeof SWEEPERS)[keyof typeof SWEEPERS];

/** Runs one sweeper, records its run and count for the operator (sweeper_runs) and logs what it did. */
async function runSweeper(name: SweeperName, sweep: () => Promise<number>): Promise<number> {
  let count = 0;
  let error: string | null = null;
  try {
    count = await sweep();
  } catch (e) {
    error = (e instanceof Error ? e.message.split("\n").filter(Boolean).at(-1) ?? e.name : String(e)).slice(0, 300);
    logger.error({ err: e, sweeper: name }, "sweeper failed");
  }
  if (count > 0) logger.warn({ sweeper: name, count }, "sweeper acted on stuck work");
  await prisma.$executeRaw`
    INSERT INTO sweeper_runs (name, "lastRunAt", "lastCount", "totalCount", "lastActedAt", "lastError")
    VALUES (${name}, now(), ${count}, ${count}, CASE WHEN ${count} > 0 THEN now() END, ${error})
    ON CONFLICT (name) DO UPDATE SET "lastRunAt" = now(), "lastCount" = EXCLUDED."lastCount",
      "totalCount" = sweeper_runs."totalCount" + EXCLUDED."lastCount",
      "lastActedAt" = coalesce(EXCLUDED."lastActedAt", sweeper_runs."lastActedAt"), "lastError" = EXCLUDED."lastError"`.catch((e) =>
    logger.warn({ err: e, sweeper: name }, "recording a sweeper run failed"),
  );
  return count;
}

/** Pending orders past expires_at whose lifecycle event never came (or ran late): expired, stock released. */
export function sweepOverdueOrders(): Promise<number> {
  return runSweeper(SWEEPERS.orders, async () => (await expireOverdueOrders()).length);
}

/** Comments stuck as RECEIVED: announced again (see reannounceStuckComments). */
export function sweepStuckComments(): Promise<number> {
  return runSweeper(SWEEPERS.comments, () => reannounceStuckComments());
}

/** Both sweepers once (the sweep-stuck job, Inngest's cron). */
export async function sweepStuckWork() {
  const expiredOrders = await sweepOverdueOrders();
  const reannouncedComments = await sweepStuckComments();
  return { expiredOrders, reannouncedComments };
}

/** The sweepers' last runs for the operator's health view. */
export async function listSweeperRuns() {
  const rows = await prisma.sweeperRun.findMany({ orderBy: { name: "asc" } });
  return rows.map((r) => ({ name: r.name, last_run_at: r.lastRunAt.toISOString(), last_count: r.lastCount, total_count: r.totalCount, last_acted_at: r.lastActedAt?.toISOString() ?? null, last_error: r.lastError }));
}
