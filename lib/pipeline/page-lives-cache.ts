/**
 * What the webhook inbox last read about a Page: its store and that store's active lives, kept for one
 * second so a busy live's deliveries (hundreds a second) skip that read.
 *
 * Staleness is bounded on both sides:
 * - a comment that matches none of the cached lives is never decided from the cache: the inbox reads
 *   again, so a live that just started is seen at once;
 * - a live that ended less than a second ago may still be cached: its comments are stored and queued,
 *   and the understand step, which reads the live's status, skips them ("live has ended").
 * Starting or ending a live in this process also forgets the cache at once.
 */
export type CachedLive = { id: string; storeId: string; fbVideoId: string; fbPostId: string | null };

const TTL_MS = 1000;
const MAX_PAGES = 1000;
const g = globalThis as unknown as { __lssPageLives?: Map<string, { storeId: string; lives: CachedLive[]; at: number }> };
const cache = (g.__lssPageLives ??= new Map());

export function cachedPage(pageId: string, now = Date.now()) {
  const entry = cache.get(pageId);
  return entry && now - entry.at < TTL_MS ? entry : undefined;
}

export function rememberPage(pageId: string, storeId: string, lives: CachedLive[], now = Date.now()) {
  if (cache.size >= MAX_PAGES) for (const [k, v] of cache) if (now - v.at >= TTL_MS) cache.delete(k);
  cache.set(pageId, { storeId, lives, at: now });
}

/** A live started or ended here: the next delivery reads again. */
export function forgetPageLives() {
  cache.clear();
}
