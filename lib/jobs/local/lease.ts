import type { SqlClient } from "@/lib/db";

/** A write was refused because another worker owns the job now (our lease expired). */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

/**
 * The lease on one claimed job. `lockedUntil` doubles as the fencing token: every write names the
 * exact value it holds, so a worker that stalled past its lease (GC pause, frozen VM) can no longer
 * change the job once another worker has reclaimed it. Writes are serialised so a heartbeat never
 * swaps the token under a write in flight.
 */
export class Lease {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  lost = false;

  constructor(
    private readonly db: Pick<SqlClient, "$queryRaw">,
    readonly jobId: string,
    private token: Date,
    private readonly leaseMs: number,
    private readonly onLost: () => void,
  ) {}

  /** Runs `fn` with the current token, after any write already queued. */
  write<T>(fn: (token: Date) => Promise<T>): Promise<T> {
    const next = this.chain.then(() => fn(this.token));
    this.chain = next.catch(() => undefined);
    return next;
  }

  startHeartbeat() {
    const every = Math.max(50, Math.floor(this.leaseMs / 3));
    this.timer = setInterval(() => void this.renew(), every);
    this.timer.unref();
  }

  /** Stop renewing: an abandoned job's lease then expires and another worker resumes it. */
  stopHeartbeat() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async renew() {
    if (this.lost || !this.timer) return;
    try {
      const rows = await this.write(
        (token) => this.db.$queryRaw<{ lockedUntil: Date }[]>`
          UPDATE jobs SET "lockedUntil" = now() + make_interval(secs => ${this.leaseMs}::double precision / 1000)
          WHERE id = ${this.jobId} AND status = 'RUNNING' AND "lockedUntil" = ${token}
          RETURNING "lockedUntil"`,
      );
      if (rows[0]) this.token = rows[0].lockedUntil;
      else this.markLost();
    } catch {
      // A failed renewal is not a lost lease: the next beat (or the lease itself) decides.
    }
  }

  markLost() {
    if (this.lost) return;
    this.lost = true;
    this.stopHeartbeat();
    this.onLost();
  }
}
