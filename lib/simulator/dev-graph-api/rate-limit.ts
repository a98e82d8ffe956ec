// Meta's Send API ceiling (#613): at most `sendLimit` accepted POST /{page-id}/messages per Page in any
// sliding second, when a test or the bench sets one with limitSendRate.

import type { FakeGraphState } from "./state";

export function limitSendRate(state: FakeGraphState, perSecond: number | null): void {
  state.sendLimit = perSecond;
  state.sendTimes.clear();
}

/** Counts a send against the Page's ceiling; false (and one more refused call) when Meta would answer (#613). */
export function withinSendRate(state: FakeGraphState, pageId: string, now: number): boolean {
  if (state.sendLimit === null) return true;
  const recent = (state.sendTimes.get(pageId) ?? []).filter((t) => t > now - 1000);
  state.sendTimes.set(pageId, recent);
  if (recent.length >= state.sendLimit) {
    state.rateLimited++;
    return false;
  }
  recent.push(now);
  return true;
}
