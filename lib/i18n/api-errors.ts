import { format } from "./format";
import type { UiLocale } from "./languages";
import { paymentMessages } from "./payments";
import { ar } from "./locales/ar/api-errors";
import { en, type ApiErrorMessages } from "./locales/en/api-errors";
import { es } from "./locales/es/api-errors";
import { pt } from "./locales/pt/api-errors";

// What the seller reads when the API says no: every error code and every field issue code of
// lib/http/errors.ts, in her language, saying what to do. Field names come from `fields` (never the
// schema path); a `field.code` entry in `fieldIssues` beats the generic sentence of `issues`.

export type { ApiErrorMessages };

const catalogs: Record<UiLocale, ApiErrorMessages> = { en, es, pt, ar };

export function apiErrorMessages(locale: UiLocale): ApiErrorMessages {
  return catalogs[locale];
}

export type ApiErrorShape = { status: number; code: string; message: string; details?: unknown };
type Detail = { field?: unknown; code?: unknown; params?: unknown; message?: unknown };

/** "items.0.qty" → "qty"; "credentials.clientId" → "clientId": the segment a label is keyed by. */
function leafOf(field: string) {
  const parts = field.split(".").filter((p) => p && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? field;
}

function vars(params: unknown): Record<string, string | number> {
  if (!params || typeof params !== "object") return {};
  return Object.fromEntries(
    Object.entries(params as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : typeof v === "number" ? v : String(v)]),
  );
}

/** The label of a field in the seller's language, or null when we have none (then no schema path is shown). */
export function fieldLabel(field: string, locale: UiLocale): string | null {
  const t = catalogs[locale];
  const labels: Record<string, string> = { ...(paymentMessages(locale).fields as Record<string, string>), ...t.fields };
  return labels[field] ?? labels[leafOf(field)] ?? null;
}

/** What to do about one field issue, without the field's name (forms show it under the input). */
function describeFieldIssue(detail: Detail, locale: UiLocale): string {
  const t = catalogs[locale];
  const code = typeof detail.code === "string" ? detail.code : "invalid";
  const params = vars(detail.params);
  const leaf = leafOf(String(detail.field ?? ""));
  const exclusive = (code === "too_small" || code === "too_big") && (detail.params as { inclusive?: unknown } | undefined)?.inclusive === false;
  const key = exclusive ? (`${code}_exclusive` as const) : code;
  const template = (t.fieldIssues as Record<string, string>)[`${leaf}.${code}`] ?? (t.issues as Record<string, string>)[key] ?? t.issues.invalid;
  return format(template, params);
}

/**
 * An API error as the seller should read it: `message` (a toast or alert: what went wrong and what to
 * do, naming fields by their label) and `fields` (field → sentence, for forms). Unknown error codes
 * keep the server's message: better an English hint than nothing.
 */
export function localizeApiError(error: ApiErrorShape, locale: UiLocale): { message: string; fields: Record<string, string> } {
  const t = catalogs[locale];
  const details = Array.isArray(error.details) ? (error.details as Detail[]).filter((d) => d && typeof d.field === "string") : [];
  const fields: Record<string, string> = {};
  const lines: string[] = [];
  for (const d of details) {
    const field = d.field as string;
    const text = describeFieldIssue(d, locale);
    fields[field] ??= text;
    const label = fieldLabel(field, locale);
    lines.push(label ? `${label}: ${text}` : text);
  }
  const codes = t.codes as Record<string, string>;
  if (error.code === "validation_error" || (!codes[error.code] && lines.length)) {
    return { message: [...new Set(lines)].slice(0, 3).join(" ") || t.issues.invalid, fields };
  }
  const objectDetails = !Array.isArray(error.details) && error.details && typeof error.details === "object" ? vars(error.details) : {};
  if (codes[error.code]) return { message: format(codes[error.code]!, objectDetails), fields };
  if (error.code === "http_error") return { message: format(t.httpError, { status: error.status }), fields };
  return { message: error.message || t.fallback, fields };
}
