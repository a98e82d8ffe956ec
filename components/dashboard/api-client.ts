"use client";
import { isUiLocale, type UiLocale } from "@/lib/i18n";
import { localizeApiError } from "@/lib/i18n/api-errors";

/** The page's language (the root layout sets `<html lang>` to the dashboard locale). */
function documentLocale(): UiLocale {
  const lang = typeof document === "undefined" ? null : document.documentElement.lang;
  return isUiLocale(lang) ? lang : "es";
}

/**
 * An API error as the contract shapes it: `{error: {code, message, details?}}`. `message` is already
 * what the seller should read, in her language (see lib/i18n/api-errors.ts); the server's own English
 * text stays in `serverMessage`.
 */
export class ApiError extends Error {
  readonly serverMessage: string;
  private readonly fields: Record<string, string>;
  constructor(readonly status: number, readonly code: string, message: string, readonly details: unknown, readonly body: unknown, locale: UiLocale = documentLocale()) {
    const localized = localizeApiError({ status, code, message, details }, locale);
    super(localized.message);
    this.serverMessage = message;
    this.fields = localized.fields;
  }
  /** Field → what to do about it, translated, for forms that show errors next to their inputs. */
  fieldErrors(): Record<string, string> {
    return { ...this.fields };
  }
}

/** The translated ApiError of a non-2xx answer, for code that calls fetch itself (uploads, CSV). */
export function apiErrorOf(status: number, body: unknown, statusText = ""): ApiError {
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(status, err?.code ?? "http_error", err?.message ?? `${status} ${statusText}`.trim(), err?.details, body);
}

/** JSON fetch for the dashboard (session cookie, same origin). Throws ApiError on any non-2xx. */
export async function api<T>(url: string, init: Omit<RequestInit, "body"> & { json?: unknown; body?: BodyInit } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      headers: { ...(json !== undefined && { "content-type": "application/json" }), ...(headers as Record<string, string> | undefined) },
      ...(json !== undefined && { body: JSON.stringify(json) }),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network_error", (error as Error).message, undefined, null);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!res.ok) throw apiErrorOf(res.status, body, res.statusText);
  return body as T;
}
