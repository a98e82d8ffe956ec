export const never = () => new Promise<never>(() => {});

/** A step body's way of saying "the run is being interrupted": its caller then waits forever, like Inngest's. */
export const STOP = Symbol("stop");
export type Stop = typeof STOP;

/**
 * Why a run stops before its handler settles: its lease was lost, a step asked for a retry, or a
 * sleep parked it. Several can happen in one run; the outcome (outcome.ts) ranks them.
 */
export class Interrupts {
  lost = false;
  retryError: unknown;
  wakeAt: Date | undefined;
  private fire!: () => void;
  /** Resolves at the first interruption: the run stops waiting for its handler. */
  readonly fired = new Promise<void>((resolve) => (this.fire = resolve));
  private readonly pending = new Set<Promise<unknown>>();

  get stopped() {
    return this.lost || this.retryError !== undefined || this.wakeAt !== undefined;
  }
  markLost() {
    this.lost = true;
    this.fire();
  }
  requestRetry(error: unknown) {
    this.retryError ??= error ?? new Error("step failed");
    this.fire();
  }
  suspendUntil(at: Date): Promise<never> {
    if (!this.wakeAt || at < this.wakeAt) this.wakeAt = at;
    this.fire();
    return never();
  }
  /**
   * Tracks a step body (which always settles) and hands the handler a promise that never settles
   * once the body reports STOP, so the handler cannot run past an interrupted step.
   */
  track<T>(body: Promise<T | Stop>): Promise<T> {
    this.pending.add(body);
    const forget = () => this.pending.delete(body);
    body.then(forget, forget);
    return body.then((value) => (value === STOP ? never() : value));
  }
  /** Steps already started finish (and commit) before the run's outcome is written. */
  async settle() {
    while (this.pending.size > 0) await Promise.allSettled(this.pending);
  }
}
