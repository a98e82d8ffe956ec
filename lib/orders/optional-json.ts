import type { z } from "zod";
import { readRawBody } from "@/lib/http/body";
import { badRequest, validationError } from "@/lib/http/errors";

/** Seller actions take an optional JSON body: none at all means "no options". */
export async function optionalJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const raw = await readRawBody(req, 16 * 1024);
  let value: unknown = {};
  if (raw.length > 0) {
    try {
      value = JSON.parse(raw.toString("utf8"));
    } catch {
      throw badRequest("invalid_json", "Request body is not valid JSON");
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, value);
  return parsed.data;
}
