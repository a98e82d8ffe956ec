import type { WakeStores } from "./wake";

/**
 * How many of one worker's running jobs belong to each store. A wake-up naming a store that runs
 * nothing here is a quiet store's new job: worth a claim at once, even with few free slots.
 */
export class RunningStores {
  private readonly counts = new Map<string, number>();

  add(store: string | null) {
    if (store) this.counts.set(store, (this.counts.get(store) ?? 0) + 1);
  }

  remove(store: string | null) {
    if (!store) return;
    const n = (this.counts.get(store) ?? 0) - 1;
    if (n > 0) this.counts.set(store, n);
    else this.counts.delete(store);
  }

  /** Whether one of `stores` runs fewer than `min` jobs here (null, stores not known: no). */
  anyBelow(stores: WakeStores, min: number): boolean {
    return stores !== null && stores.some((store) => (this.counts.get(store) ?? 0) < min);
  }

  /** Whether one of `stores` has no job running here (null, stores not known: no). */
  anyIdle(stores: WakeStores): boolean {
    return stores !== null && stores.some((store) => !this.counts.has(store));
  }
}
