// Error injection: failures queued with failNext (an error code, a dropped socket, or a lost answer) and
// Pages blocked from messaging.

import { defaultMessageFor, fail, type Handled } from "./replies";
import type { FakeGraphState } from "./state";
import type { FakeFailure, FakeGraphCall } from "./types";

type QueuedFailure = FakeFailure & { remaining: number };

const DEFAULT_BLOCK = {
  code: 2022,
  message:
    "People have been reporting content that your Page is sending. Out of the interest of our users, your Page has been blocked from sending messages via the Messenger Platform.",
};

export function queueFailure(state: FakeGraphState, failure: FakeFailure): void {
  state.failures.push({ ...failure, remaining: Math.max(1, failure.times ?? 1) });
}

/** The first queued failure whose path matches, counted down (and dropped once used up). */
export function takeFailure(state: FakeGraphState, path: string): QueuedFailure | null {
  const { failures } = state;
  for (let i = 0; i < failures.length; i++) {
    const f = failures[i]!;
    const matches = f.path === undefined || (typeof f.path === "string" ? path.includes(f.path) : f.path.test(path));
    if (!matches) continue;
    f.remaining -= 1;
    if (f.remaining <= 0) failures.splice(i, 1);
    return f;
  }
  return null;
}

/** The Meta error an injected failure answers with (500 for codes 1 and 2, else 400, like Meta). */
export function injectedFailure(state: FakeGraphState, failure: FakeFailure, facts: Partial<FakeGraphCall>): Handled {
  const code = failure.code ?? 2;
  const status = failure.status ?? (code === 1 || code === 2 ? 500 : 400);
  return fail(state, { status, code, subcode: failure.subcode, message: failure.message ?? defaultMessageFor(code), headers: failure.headers }, facts);
}

export function blockMessaging(state: FakeGraphState, pageId: string, error?: { code?: number; subcode?: number; message?: string }): void {
  state.blockedPages.set(pageId, {
    code: error?.code ?? DEFAULT_BLOCK.code,
    ...(error?.subcode !== undefined ? { subcode: error.subcode } : {}),
    message: error?.message ?? (error?.code !== undefined ? defaultMessageFor(error.code) : DEFAULT_BLOCK.message),
  });
}
