import { ZodError } from "zod";
import { logger } from "@/lib/observability/logger";
import { isDatabaseUnavailable } from "./database-unavailable";

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** An error meant for the API caller: its code, status and message are safe to show. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthorized = (message = "Authentication required") => new AppError(401, "unauthorized", message);
export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unprocessable = (message: string, details?: unknown) => new AppError(422, "validation_error", message, details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, "rate_limited", `Too many attempts. Try again in ${retryAfterSeconds} s.`, { retry_after: retryAfterSeconds });

/**
 * One problem with one input field, as the API reports it in `error.details`. `code` is stable and
 * `params` carries its numbers (`{min: 8}`), so clients can say what to do in the user's language;
 * `message` stays an English phrase naming the problem, for API callers reading raw responses.
 * Codes: required, invalid_type {expected}, not_integer, too_short {min}, too_long {max},
 * too_small {min, inclusive}, too_big {max, inclusive}, too_few {min}, too_many {max}, invalid_email,
 * invalid_url, invalid_format {format}, invalid_option {options}, unknown_field {keys}, invalid,
 * plus the domain's own (taken, not_found, below_reserved {reserved}, invalid_amount {currency}, …).
 */
export type FieldIssue = { field: string; code: string; params?: Record<string, unknown>; message: string };

const FORMAT_CODES: Record<string, string> = { email: "invalid_email", url: "invalid_url" };

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The stable code and params of one zod issue. `input`, when given, tells a missing field from a wrong one. */
function codeOf(issue: ZodError["issues"][number], input: unknown): Pick<FieldIssue, "code" | "params"> {
  switch (issue.code) {
    case "invalid_type": {
      const missing = input !== undefined ? valueAt(input, issue.path) == null : /received (undefined|null)$/.test(issue.message);
      if (missing) return { code: "required" };
      if (issue.expected === "int") return { code: "not_integer" };
      return { code: "invalid_type", params: { expected: issue.expected } };
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? { code: "required" } : { code: "too_short", params: { min } };
      if (issue.origin === "array" || issue.origin === "set") return { code: "too_few", params: { min } };
      return { code: "too_small", params: { min, inclusive: issue.inclusive !== false } };
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return { code: "too_long", params: { max } };
      if (issue.origin === "array" || issue.origin === "set") return { code: "too_many", params: { max } };
      return { code: "too_big", params: { max, inclusive: issue.inclusive !== false } };
    }
    case "invalid_format":
      return FORMAT_CODES[issue.format] ? { code: FORMAT_CODES[issue.format]! } : { code: "invalid_format", params: { format: issue.format } };
    case "invalid_value":
      return { code: "invalid_option", params: { options: issue.values.map(String) } };
    case "unrecognized_keys":
      return { code: "unknown_field", params: { keys: issue.keys } };
    case "not_multiple_of":
      return { code: "invalid_format", params: { format: "multiple_of" } };
    case "custom": {
      const { code, ...params } = (issue.params ?? {}) as { code?: unknown };
      if (typeof code !== "string") return { code: "invalid" };
      return Object.keys(params).length ? { code, params } : { code };
    }
    default:
      return { code: "invalid" };
  }
}

/** Field issues of a zod error; `prefix` names the object the schema validated (`credentials`). */
export function zodDetails(error: ZodError, { input, prefix }: { input?: unknown; prefix?: string } = {}): FieldIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join(".");
    const field = [prefix, path].filter(Boolean).join(".") || "(body)";
    return { field, ...codeOf(i, input), message: i.message };
  });
}

/** 422 naming every bad field: `message` lists "field: problem", `details` the codes to translate. */
export function invalidFields(details: FieldIssue[]) {
  return unprocessable(`Invalid input — ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`, details);
}

/** One bad field found by the domain (not by a schema): `fieldError("stock", "below_reserved", "...", {reserved: 2})`. */
export function fieldError(field: string, code: string, message: string, params?: Record<string, unknown>) {
  return invalidFields([{ field, code, ...(params && { params }), message }]);
}

export function validationError(error: ZodError, input?: unknown) {
  return invalidFields(zodDetails(error, { input }));
}

type PrismaLikeError = { code?: string; meta?: { target?: unknown; modelName?: string } };

/** Maps anything thrown to a status and a body that never leaks internals. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...(error.details !== undefined && { details: error.details }) } } };
  }
  if (error instanceof ZodError) return toErrorResponse(validationError(error));
  const prismaCode = (error as PrismaLikeError | null)?.code;
  if (prismaCode === "P2002") {
    const target = (error as PrismaLikeError).meta?.target;
    return toErrorResponse(conflict("already_exists", `A record with this ${Array.isArray(target) ? target.join(", ") : "value"} already exists`));
  }
  if (prismaCode === "P2025") return toErrorResponse(notFound());
  // PostgreSQL is down or restarting (the supervisor of npm start brings it back): retry later, not a bug.
  if (isDatabaseUnavailable(error)) {
    logger.warn({ code: prismaCode ?? (error as { code?: unknown } | null)?.code ?? null }, "database unavailable: answering 503");
    return { status: 503, body: { error: { code: "database_unavailable", message: "The database is unavailable right now. Try again in a few seconds." } } };
  }
  logger.error({ err: error }, "unhandled error in an API route");
  return { status: 500, body: { error: { code: "internal_error", message: "Something went wrong on our side. It has been logged." } } };
}
