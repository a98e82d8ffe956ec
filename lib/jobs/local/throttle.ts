/**
 * Run starts per key per period, counted in this process only: with several local workers the
 * effective limit is per worker. Good enough for the embedded single-machine default; Inngest
 * enforces throttles globally in production.
 */
export class ThrottleGate {
  private readonly starts = new Map<string, number[]>();

  /** Records a start and returns 0, or returns how many ms until a start is allowed. */
  take(key: string, limit: number, periodMs: number, now = Date.now()): number {
    const recent = (this.starts.get(key) ?? []).filter((t) => t > now - periodMs);
    if (recent.length >= limit) {
      this.starts.set(key, recent);
      return recent[0]! + periodMs - now;
    }
    recent.push(now);
    this.starts.set(key, recent);
    if (this.starts.size > 10_000) this.prune(now, periodMs);
    return 0;
  }

  private prune(now: number, periodMs: number) {
    for (const [key, times] of this.starts) if (times.every((t) => t <= now - periodMs)) this.starts.delete(key);
  }
}
