import type { SqlDb } from "@/lib/db";
import type { JobLogger } from "../define";
import type { Lease } from "./lease";
import type { FunctionRegistry } from "./registry";
import type { ThrottleGate } from "./throttle";
import type { WriteBatcher } from "./write-batcher";

/** What every run of one worker shares (built once per worker, see worker.ts). */
export interface RunSettings {
  db: SqlDb;
  /** Step memos, completions and requeues of every run of this worker go through it, batched. */
  batcher: WriteBatcher;
  /** The functions this worker runs; step.sendEvent routes its events with it too. */
  registry: FunctionRegistry;
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  logger: JobLogger;
  throttle: ThrottleGate;
  /** Live leases, so a stopping worker can abandon the runs it will not wait for. */
  leases: Set<Lease>;
}

export type RunOutcome = "completed" | "failed" | "suspended" | "retrying" | "throttled" | "lost";
