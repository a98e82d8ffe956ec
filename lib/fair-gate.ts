/**
 * At most `capacity` holders at once, shared fairly between groups (stores). While places are free a
 * holder enters at once; when all are taken, the next freed place goes to the waiting group that holds
 * the FEWEST places — oldest-waiting group first among equals, then round robin — and within a group
 * holders keep their order.
 *
 * It sits in front of the hot-path connection pool (lib/sql.ts). node-postgres queues waiting clients
 * first come, first served, so when the pool is the queue (a flood's 48 comment runs in flight on 20
 * connections) every statement of a quiet store's comment waited behind the flood's. Here the quiet
 * store's statement takes the next free connection. Work-conserving: no place stays free while anyone
 * waits, so the flood loses no throughput (interleaved bursts: 177–184 comments/s with it, 172–181
 * without). It does not make CPU: when the two cores are the queue, the quiet store still waits for them
 * (README, Benchmarks, session 14).
 */
export class FairGate {
  private inUse = 0;
  private waitingTotal = 0;
  private readonly held = new Map<string, number>();
  /** Groups with waiters, in the order they will be considered among equals (Map keeps insertion order). */
  private readonly queues = new Map<string, Waiter[]>();

  /**
   * @param timeoutMs how long a holder may wait before `enter` rejects (as the pool's own connection timeout
   * did): a holder that needs a second place while it keeps its first cannot then hang for good.
   */
  constructor(
    readonly capacity: number,
    private readonly timeoutMs = 30_000,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`FairGate capacity must be a positive integer, got ${capacity}`);
  }

  /** Holders waiting for a place. */
  get waiting(): number {
    return this.waitingTotal;
  }

  /** Places taken. */
  get taken(): number {
    return this.inUse;
  }

  /**
   * Takes a place for `group`: undefined when it was free (no await needed on the hot path), else a
   * promise that resolves once the place is this holder's. Every enter is paired with one `leave(group)`.
   */
  enter(group: string): Promise<void> | undefined {
    if (this.inUse < this.capacity && this.waitingTotal === 0) {
      this.take(group);
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        timer: setTimeout(() => {
          const queue = this.queues.get(group);
          const at = queue?.indexOf(waiter) ?? -1;
          if (at < 0) return;
          queue!.splice(at, 1);
          if (queue!.length === 0) this.queues.delete(group);
          this.waitingTotal--;
          reject(new Error(`timed out after ${this.timeoutMs} ms waiting for a database connection`));
        }, this.timeoutMs),
      };
      waiter.timer.unref?.();
      const queue = this.queues.get(group);
      if (queue) queue.push(waiter);
      else this.queues.set(group, [waiter]);
      this.waitingTotal++;
    });
  }

  /** Gives `group`'s place back; the next holder (see the class) gets it at once. */
  leave(group: string): void {
    const n = (this.held.get(group) ?? 1) - 1;
    if (n > 0) this.held.set(group, n);
    else this.held.delete(group);
    this.inUse--;
    while (this.inUse < this.capacity && this.waitingTotal > 0) this.admitNext();
  }

  private take(group: string) {
    this.inUse++;
    this.held.set(group, (this.held.get(group) ?? 0) + 1);
  }

  private admitNext() {
    let best: string | undefined;
    let fewest = Infinity;
    for (const group of this.queues.keys()) {
      const n = this.held.get(group) ?? 0;
      if (n < fewest) {
        fewest = n;
        best = group;
        if (n === 0) break;
      }
    }
    const queue = this.queues.get(best!)!;
    const waiter = queue.shift()!;
    // Served: to the back of the line among equals (round robin); gone when it has no one waiting.
    this.queues.delete(best!);
    if (queue.length) this.queues.set(best!, queue);
    this.waitingTotal--;
    this.take(best!);
    clearTimeout(waiter.timer);
    waiter.resolve();
  }
}

interface Waiter {
  resolve: () => void;
  timer: ReturnType<typeof setTimeout>;
}
