import { env } from "@/lib/env";

/** Set by scripts/server.ts from the TCP connection (any incoming value is overwritten there). */
const CLIENT_IP_HEADER = "x-lss-client-ip";

type HeaderGetter = (name: string) => string | null | undefined;

/**
 * The caller's address for rate limits and audit rows. X-Forwarded-For is believed only with
 * TRUST_PROXY=1 (anyone can send it), and then its LAST entry — the address our own proxy saw; entries
 * before it were written by the client.
 */
export function clientAddress(get: HeaderGetter): string {
  if (env().TRUST_PROXY) {
    const forwarded = get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1]!;
    const real = get("x-real-ip")?.trim();
    if (real) return real;
  }
  return get(CLIENT_IP_HEADER)?.trim() || "local";
}

/** The host the browser addressed: X-Forwarded-Host only behind a trusted proxy. */
export function requestHost(get: HeaderGetter): string | null {
  return (env().TRUST_PROXY ? get("x-forwarded-host") : null) ?? get("host") ?? null;
}
