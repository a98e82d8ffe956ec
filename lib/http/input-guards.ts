import { AppError, fieldError, type ErrorBody } from "./errors";

const NUL = "\u0000";

/**
 * The path (dotted, like zod's) of the first string or key holding a NUL character. PostgreSQL refuses
 * NUL in text, so such input must be refused up front, naming the field, instead of failing as a 500.
 */
function findNul(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes(NUL) ? path || "(body)" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (k.includes(NUL)) return at.split(NUL).join("\\0");
      const hit = findNul(v, at);
      if (hit) return hit;
    }
  }
  return null;
}

export function assertNoNul(value: unknown, prefix?: string) {
  const at = findNul(value);
  if (at) throw fieldError(prefix && at !== "(body)" ? `${prefix}.${at}` : at, "invalid_characters", "must not contain NUL (\\u0000) characters");
}

/**
 * Checks an /api URL's path before routing: a malformed percent-encoding answers 400 JSON (the router
 * would answer an HTML page or a 500), a NUL anywhere in it 422 naming `path`.
 */
export function checkApiPath(url: string): { status: number; body: ErrorBody } | null {
  const path = url.split("?")[0] ?? "";
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { status: 400, body: { error: { code: "invalid_path", message: "The URL path is not valid percent-encoding", details: [{ field: "path", code: "invalid_format", message: "is not valid percent-encoding" }] } } };
    }
    if (decoded.includes(NUL)) {
      const e = fieldError("path", "invalid_characters", "must not contain NUL (\\u0000) characters") as AppError;
      return { status: e.status, body: { error: { code: e.code, message: e.message, details: e.details } } };
    }
  }
  return null;
}
