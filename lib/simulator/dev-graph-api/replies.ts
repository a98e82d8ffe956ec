// Meta-shaped answers: the error body (with Meta's default messages per code) and the result every
// endpoint handler returns.

import type { FakeGraphState } from "./state";
import type { FakeGraphCall } from "./types";

export type MetaErrorReply = { status: number; code: number; subcode?: number; message: string; type?: string; headers?: Record<string, string> };

/** An endpoint's answer plus what the call log should say about the request. */
export type Handled = { status: number; response: unknown; headers?: Record<string, string>; facts: Partial<FakeGraphCall> };

export function defaultMessageFor(code: number): string {
  switch (code) {
    case 4:
      return "(#4) Application request limit reached";
    case 17:
      return "(#17) User request limit reached";
    case 32:
      return "(#32) Page request limit reached";
    case 613:
      return "(#613) Calls to this api have exceeded the rate limit.";
    case 10:
      return "(#10) This message is sent outside of allowed window.";
    case 2:
      return "An unexpected error has occurred. Please retry your request later.";
    case 190:
      return "Invalid OAuth access token.";
    default:
      return `(#${code}) Simulated Graph API error`;
  }
}

function errorBody(state: FakeGraphState, e: MetaErrorReply) {
  return {
    error: {
      message: e.message,
      type: e.type ?? "OAuthException",
      code: e.code,
      ...(e.subcode !== undefined ? { error_subcode: e.subcode } : {}),
      fbtrace_id: `F${state.instance}${(state.seq + 1).toString(36)}`,
    },
  };
}

export function fail(state: FakeGraphState, e: MetaErrorReply, facts: Partial<FakeGraphCall> = {}): Handled {
  return { status: e.status, response: errorBody(state, e), headers: e.headers, facts };
}
