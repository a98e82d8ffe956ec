import type { z } from "zod";
import { AppError, badRequest, validationError } from "./errors";
import { assertNoNul } from "./input-guards";

const JSON_LIMIT_BYTES = 256 * 1024;
export const CSV_LIMIT_BYTES = 5 * 1024 * 1024;

/** Reads the raw body, refusing more than `limit` bytes even when Content-Length lies or is absent. */
export async function readRawBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
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
