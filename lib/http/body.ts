import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { AppError, badRequest, validationError } from "./errors";
import { assertNoNul } from "./input-guards";

const JSON_LIMIT_BYTES = 256 * 1024;
export const CSV_LIMIT_BYTES = 5 * 1024 * 1024;

/** Reads the raw body, refusing more than `limit` bytes even when Content-Length lies or is absent. */
export async function readRawBody(req: Request, limit: number): Promise<Buffer> {
  const body = limitedBody(req.headers.get("content-length"), limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!body.add(value)) {
      await reader.cancel();
      throw tooLarge(limit);
    }
  }
  return body.bytes();
}

/**
 * The same for a plain node:http request (the web server's own webhook fast path, scripts/server.ts): the
 * same limit and the same 413. An oversized body is drained, not read, so the answer can still be sent.
 */
export function readNodeRequestBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let body: ReturnType<typeof limitedBody>;
    try {
      body = limitedBody(req.headers["content-length"], limit);
    } catch (error) {
      reject(error);
      return;
    }
    req.on("data", (chunk: Buffer) => {
      if (body.add(chunk)) return;
      req.removeAllListeners("data");
      req.resume();
      reject(tooLarge(limit));
    });
    req.on("end", () => resolve(body.bytes()));
    req.on("error", reject);
  });
}

/** Collects a body's chunks up to `limit` bytes; a declared Content-Length over it is refused at once. */
function limitedBody(declaredLength: string | null | undefined, limit: number) {
  const declared = Number(declaredLength ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    /** False (and nothing kept) once the body would exceed the limit. */
    add(chunk: Uint8Array): boolean {
      size += chunk.byteLength;
      if (size > limit) return false;
      chunks.push(chunk);
      return true;
    },
    bytes: () => Buffer.concat(chunks),
  };
}

function tooLarge(limit: number) {
  return new AppError(413, "payload_too_large", `Request body is larger than ${Math.round(limit / 1024)} KB`, { limit_kb: Math.round(limit / 1024) });
}

async function readJson(req: Request, limit = JSON_LIMIT_BYTES): Promise<unknown> {
  const raw = await readRawBody(req, limit);
  if (raw.length === 0) throw badRequest("invalid_json", "Request body must be a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("invalid_json", "Request body is not valid JSON");
  }
  assertNoNul(value);
  return value;
}

export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const raw = await readJson(req);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, raw);
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(url: string | URL, schema: S): z.output<S> {
  const params = Object.fromEntries(new URL(url).searchParams.entries());
  assertNoNul(params);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw validationError(parsed.error, params);
  return parsed.data;
}
