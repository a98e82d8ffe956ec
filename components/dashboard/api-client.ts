"use client";

export type ApiErrorDetail = { field: string; message: string };

/** An API error as the contract shapes it: `{error: {code, message, details?}}`. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: unknown, readonly body: unknown) {
    super(message);
  }
  /** Field → message, for forms that show errors next to their inputs. */
  fieldErrors(): Record<string, string> {
    const details = Array.isArray(this.details) ? (this.details as ApiErrorDetail[]) : [];
    return Object.fromEntries(details.filter((d) => d && typeof d.field === "string").map((d) => [d.field, d.message]));
  }
}

/** JSON fetch for the dashboard (session cookie, same origin). Throws ApiError on any non-2xx. */
export async function api<T>(url: string, init: Omit<RequestInit, "body"> & { json?: unknown; body?: BodyInit } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const res = await fetch(url, {
    ...rest,
    headers: { ...(json !== undefined && { "content-type": "application/json" }), ...(headers as Record<string, string> | undefined) },
    ...(json !== undefined && { body: JSON.stringify(json) }),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? "http_error", err?.message ?? `${res.status} ${res.statusText}`, err?.details, body);
  }
  return body as T;
}
