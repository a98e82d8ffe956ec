import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type CallOptions = {
  method?: string;
  path?: string;
  body?: unknown;
  rawBody?: string | Buffer;
  token?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

/** Invokes a route handler exactly as Next.js would, with a real Request, and decodes the JSON answer. */
export async function call<T = any>(handler: Handler, opts: CallOptions = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const headers = new Headers(opts.headers);
  let body: BodyInit | undefined;
  if (opts.rawBody !== undefined) body = typeof opts.rawBody === "string" ? opts.rawBody : new Uint8Array(opts.rawBody);
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  const req = new NextRequest(new URL(opts.path ?? "/", "http://localhost:3000"), { method: opts.method ?? (body ? "POST" : "GET"), headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}
