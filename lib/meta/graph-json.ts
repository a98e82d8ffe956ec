import type { z } from "zod";
import { MetaApiError, MetaAuthError } from "./errors";

type GraphErrorBody = { error?: { message?: unknown; code?: unknown; error_subcode?: unknown; type?: unknown } };

/**
 * The body of a Graph answer outside the hot path (login, token checks, live video lists), checked
 * against `schema`. A refusal throws Meta's own message prefixed by `what`: a MetaAuthError for a bad
 * token (190 and kin), a MetaApiError otherwise, so callers can tell "reconnect" from "try later".
 */
export async function graphJson<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body as GraphErrorBody | null)?.error;
    const code = typeof e?.code === "number" ? e.code : 0;
    const args = {
      message: `${what} failed: ${typeof e?.message === "string" ? e.message : `HTTP ${res.status}`}`,
      code,
      subcode: typeof e?.error_subcode === "number" ? e.error_subcode : null,
      status: res.status,
      type: typeof e?.type === "string" ? e.type : null,
    };
    throw [102, 190, 463, 467].includes(code) ? new MetaAuthError(args) : new MetaApiError(args);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new MetaApiError({ message: `${what} answered an unexpected body`, code: 0, status: res.status });
  return parsed.data;
}
