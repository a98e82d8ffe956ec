import { ZodError } from "zod";

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
export const forbidden = (message = "You do not have permission to do this") => new AppError(403, "forbidden", message);
export const notFound = (what = "Resource") => new AppError(404, "not_found", `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unprocessable = (message: string, details?: unknown) => new AppError(422, "validation_error", message, details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, "rate_limited", `Too many attempts. Try again in ${retryAfterSeconds} s.`, { retry_after: retryAfterSeconds });

export function zodDetails(error: ZodError) {
  return error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message }));
}

export function validationError(error: ZodError) {
  const details = zodDetails(error);
  const summary = details.map((d) => `${d.field}: ${d.message}`).join("; ");
  return unprocessable(`Invalid input — ${summary}`, details);
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
  console.error("[api] unhandled error", error);
  return { status: 500, body: { error: { code: "internal_error", message: "Something went wrong on our side. It has been logged." } } };
}
