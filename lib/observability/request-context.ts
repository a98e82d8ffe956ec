import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What a log line can say about the work in hand; every field is an id, never personal data. */
export type RequestContext = { request_id: string; store_id?: string; live_id?: string; comment_id?: string; order_id?: string; job?: string };

// One store per process: the web server's own module and Next's bundled copy of this module must share it.
const shared = globalThis as unknown as { __lssRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (shared.__lssRequestContext ??= new AsyncLocalStorage<RequestContext>());

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** An incoming X-Request-Id is kept when it is a plain token (no spaces, no control characters); else a new one. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Adds ids to the current context (e.g. the store once a route knows it); a no-op outside a request. */
export function annotateRequestContext(fields: Omit<Partial<RequestContext>, "request_id">) {
  const current = storage.getStore();
  if (current) Object.assign(current, fields);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `fn` outside any request or job: for shared work that serves many (e.g. a worker's batched writes). */
export function outsideRequestContext<T>(fn: () => T): T {
  return storage.exit(fn);
}
