// Quick-reply and postback payloads carry an action and an opaque token (the pending decision or
// order it refers to), e.g. "CONFIRM:3fa2…". The token is looked up server-side; nothing else in
// the payload is trusted.

const PAYLOAD_ACTIONS = ["CONFIRM", "REJECT", "OTHER", "WAITLIST", "DECLINE", "RESERVE", "PICK"] as const;
export type PayloadAction = (typeof PAYLOAD_ACTIONS)[number];

const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

export function buildPayload(action: PayloadAction, token: string): string {
  if (!TOKEN.test(token)) throw new Error("payload tokens are 1..200 characters of [A-Za-z0-9_-]");
  return `${action}:${token}`;
}

export function parsePayload(payload: string | null | undefined): { action: PayloadAction; token: string } | null {
  if (!payload) return null;
  const i = payload.indexOf(":");
  if (i <= 0) return null;
  const action = payload.slice(0, i);
  const token = payload.slice(i + 1);
  if (!(PAYLOAD_ACTIONS as readonly string[]).includes(action) || !TOKEN.test(token)) return null;
  return { action: action as PayloadAction, token };
}
