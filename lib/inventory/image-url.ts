/**
 * A product photo is an http(s) address or one of our own uploads: never `javascript:`, `data:` or
 * `file:` (the address ends up in <img src> on the dashboard and checkout, and in Meta messages).
 */
export function isSafeImageUrl(value: string) {
  if (value.startsWith("/api/v1/uploads/")) return !value.includes("..");
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
