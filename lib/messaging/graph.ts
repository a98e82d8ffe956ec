import { createGraphClient, type GraphClient } from "@/lib/meta/graph-client";
import { env } from "@/lib/env";
import { getPageAccessToken } from "@/lib/stores/stores";
import { createKeepAliveFetch } from "./http-fetch";

let client: { baseUrl: string; client: GraphClient } | null = null;

let keepAliveFetch: ReturnType<typeof createKeepAliveFetch> | null = null;

/**
 * One Graph client per process, rebuilt if META_GRAPH_API_URL changes (tests point it at fakes). Its
 * requests go over kept-alive node:http(s) connections rather than the built-in fetch (cheaper per call).
 */
export function graphClient(): GraphClient {
  const baseUrl = env().META_GRAPH_API_URL;
  keepAliveFetch ??= createKeepAliveFetch();
  if (client?.baseUrl !== baseUrl) client = { baseUrl, client: createGraphClient({ baseUrl, maxRetries: 3, baseDelayMs: 200, maxDelayMs: 5_000, fetch: keepAliveFetch as unknown as typeof fetch }) };
  return client.client;
}

const TOKEN_TTL_MS = 60_000;
type Credentials = { pageId: string; token: string; disconnected: boolean } | null;
const tokens = new Map<string, { value: Promise<Credentials>; at: number }>();

/**
 * The decrypted Page token, kept in memory for a minute so the hot path does not read and decrypt it per
 * message. Concurrent callers share one lookup; a failed lookup is not cached.
 */
export function pageCredentials(storeId: string): Promise<Credentials> {
  const hit = tokens.get(storeId);
  if (hit && Date.now() - hit.at < TOKEN_TTL_MS) return hit.value;
  const entry = { value: getPageAccessToken(storeId), at: Date.now() };
  tokens.set(storeId, entry);
  entry.value.catch(() => {
    if (tokens.get(storeId) === entry) tokens.delete(storeId);
  });
  return entry.value;
}

export function forgetPageCredentials(storeId: string) {
  tokens.delete(storeId);
}
