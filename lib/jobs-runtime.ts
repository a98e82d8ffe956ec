import { registerJobFunctions, startJobWorker } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { env, usesInngest } from "@/lib/env";
import { expireOverdueOrders } from "@/lib/orders/expire-order";
import { warmUpWorker } from "@/lib/jobs-warm-up";

const g = globalThis as unknown as { __lssRuntime?: { stop: () => Promise<void> } };

/**
 * Starts what runs in the background of an app instance: the local job worker (unless Inngest runs the
 * functions or LOCAL_JOBS=0) and a sweeper that expires overdue orders even if a timer was lost.
 */
export function startBackgroundRuntime({ force = false }: { force?: boolean } = {}) {
  if (g.__lssRuntime) return g.__lssRuntime;
  registerJobFunctions(jobFunctions);
  const e = env();
  const concurrency = Number(process.env.JOB_CONCURRENCY ?? 16);
  const worker = usesInngest(e) || (e.LOCAL_JOBS === "0" && !force) ? null : startJobWorker({ concurrency });
  if (worker) void warmUpWorker({ connections: Math.min(concurrency, Number(process.env.DATABASE_POOL_SIZE ?? 20)) });
  const sweep = setInterval(() => {
    expireOverdueOrders().catch((err) => console.error("[sweeper] expiring overdue orders failed", err));
  }, 5_000);
  sweep.unref();
  g.__lssRuntime = {
    async stop() {
      clearInterval(sweep);
      await worker?.stop();
      g.__lssRuntime = undefined;
    },
  };
  return g.__lssRuntime;
}

/** The job functions are registered even on instances that do not run the worker (they still send events). */
export function ensureJobFunctionsRegistered() {
  registerJobFunctions(jobFunctions);
}
