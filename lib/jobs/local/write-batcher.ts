import type { SqlClient } from "@/lib/db";
import { LeaseLostError } from "./lease";
import { outsideRequestContext } from "@/lib/observability/request-context";

/** A write fenced by the lease token the run holds; refused when the job is no longer RUNNING with that exact token. */
export type FencedWrite =
  /** Memoise one step output (JSON text); `resetAttempts` also resets the job's per-step retry budget. */
  | { kind: "step"; jobId: string; token: Date; stepId: string; output: string; resetAttempts: boolean }
  /** The run finished: COMPLETED with its result (JSON text). */
  | { kind: "complete"; jobId: string; token: Date; result: string }
  /** Park the job until `runAt` (sleeps, throttling), releasing its lease. */
  | { kind: "requeue"; jobId: string; token: Date; runAt: Date };

interface Pending {
  write: FencedWrite;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const KIND = { step: "s", complete: "c", requeue: "q" } as const;

/**
 * Group commit for the hot writes of every run in a worker: step memos, completions and requeues
 * queued while the previous batch statement is in flight (or during the current event-loop turn)
 * go to PostgreSQL as ONE statement. Each row is still fenced by its own lease token, so a stale
 * run's write is refused (LeaseLostError) without affecting the others; if the statement itself
 * fails, every write in it fails with that error and each run retries as it would for its own write.
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = false;
  /** Batch statements sent so far (for tests and benchmarks). */
  statements = 0;

  constructor(
    private readonly db: Pick<SqlClient, "$queryRaw">,
    private readonly maxRows = 256,
  ) {}

  write(write: FencedWrite): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.inFlight || this.queue.length === 0) return;
    this.scheduled = true;
    // setImmediate: everything the runs queue in this turn (and while a batch is in flight) shares one statement.
    // Outside the run that happened to schedule it: the batch serves every store's runs, not that one's.
    outsideRequestContext(() =>
      setImmediate(() => {
        this.scheduled = false;
        void this.flush();
      }),
    );
  }

  private async flush() {
    if (this.inFlight || this.queue.length === 0) return;
    // At most one write per job in a statement (a run's writes are already serialised by its lease;
    // this only guards the fencing against a job updated twice by one statement).
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const jobs = new Set<string>();
    for (const p of this.queue) {
      if (batch.length < this.maxRows && !jobs.has(p.write.jobId)) {
        jobs.add(p.write.jobId);
        batch.push(p);
      } else rest.push(p);
    }
    this.queue = rest;
    this.inFlight = true;
    try {
      const applied = await this.execute(batch.map((p) => p.write));
      for (const [i, p] of batch.entries()) {
        if (applied.has(i)) p.resolve();
        else p.reject(new LeaseLostError(refusal(p.write)));
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      this.inFlight = false;
      this.schedule();
    }
  }

  private async execute(writes: FencedWrite[]): Promise<Set<number>> {
    this.statements++;
    const rows = await this.db.$queryRaw<{ idx: number | null }[]>`
      WITH i AS MATERIALIZED (
        SELECT * FROM unnest(${writes.map((_, i) => i)}::int[], ${writes.map((w) => KIND[w.kind])}::text[],
          ${writes.map((w) => w.jobId)}::text[], ${writes.map((w) => w.token.toISOString())}::timestamptz[],
          ${writes.map((w) => (w.kind === "step" ? w.stepId : null))}::text[],
          ${writes.map((w) => (w.kind === "step" ? w.output : w.kind === "complete" ? w.result : null))}::text[],
          ${writes.map((w) => w.kind === "step" && w.resetAttempts)}::bool[],
          ${writes.map((w) => (w.kind === "requeue" ? w.runAt.toISOString() : null))}::timestamptz[])
          AS i(idx, kind, job_id, token, step_id, body, reset, run_at)
      ),
      finished AS (
        UPDATE jobs j SET
          status = (CASE WHEN i.kind = 'c' THEN 'COMPLETED' ELSE 'QUEUED' END)::"JobStatus",
          result = CASE WHEN i.kind = 'c' THEN i.body::jsonb ELSE j.result END,
          "lastError" = CASE WHEN i.kind = 'c' THEN NULL ELSE j."lastError" END,
          "runAt" = CASE WHEN i.kind = 'q' THEN i.run_at ELSE j."runAt" END,
          "lockedUntil" = NULL,
          "updatedAt" = now()
        FROM i
        WHERE i.kind IN ('c', 'q') AND j.id = i.job_id AND j.status = 'RUNNING' AND j."lockedUntil" = i.token
        RETURNING i.idx
      ),
      owned AS MATERIALIZED (
        SELECT i.idx, i.job_id, i.step_id, i.body, i.reset
        FROM jobs j JOIN i ON j.id = i.job_id
        WHERE i.kind = 's' AND j.status = 'RUNNING' AND j."lockedUntil" = i.token
        FOR SHARE OF j
      ),
      -- Runs even though nothing reads it: data-modifying CTEs always run to completion.
      reset AS (
        UPDATE jobs j SET attempts = 0, "lastError" = NULL
        FROM owned o WHERE o.reset AND j.id = o.job_id
        RETURNING j.id
      ),
      saved AS (
        INSERT INTO job_steps ("jobId", "stepId", output)
        SELECT o.job_id, o.step_id, o.body::jsonb FROM owned o
        ON CONFLICT DO NOTHING
        RETURNING "jobId"
      )
      -- Asynchronous commit (the one-row side of the join always evaluates it): a memo only saves re-running
      -- a step, and every step's effect outside the database is guarded by its own synchronous idempotency
      -- record (a send's claim), whose WAL flush also makes the memos written before it durable. A crash
      -- that loses a memo re-runs an idempotent step; it cannot repeat a side effect.
      SELECT u.idx FROM (SELECT set_config('synchronous_commit', 'off', true) AS async) AS a
      LEFT JOIN (
        SELECT idx FROM finished
        UNION ALL
        SELECT o.idx FROM owned o JOIN saved s ON s."jobId" = o.job_id
      ) AS u ON true`;
    return new Set(rows.flatMap((r) => (r.idx === null ? [] : [r.idx])));
  }
}

function refusal(write: FencedWrite) {
  const what = write.kind === "step" ? `step "${write.stepId}" was saved` : "its outcome was saved";
  return `lease on job ${write.jobId} lost before ${what}`;
}
