import { createGraphClient, type GraphClient } from "@/lib/meta/graph-client";
import { env } from "@/lib/env";
import { getPageAccessToken } from "@/lib/stores/stores";

let client: { baseUrl: string; client: GraphClient } | null = null;

/** One Graph client per process, rebuilt if META_GRAPH_API_URL changes (tests point it at fakes). */
export function graphClient(): GraphClient {
  const baseUrl = env().META_GRAPH_API_URL;
  if (client?.baseUrl !== baseUrl) client = { baseUrl, client: createGraphClient({ baseUrl, maxRetries: 3, baseDelayMs: 200, maxDelayMs: 5_000 }) };
  return client.client;
}

const TOKEN_TTL_MS = 60_000;
const tokens = new Map<string, { value: { pageId: string; token: string } | null; at: number }>();

/** The decrypted Page token, kept in memory for a minute so the hot path does not decrypt per message. */
export async function pageCredentials(storeId: string) {
  const hit = tokens.get(storeId);
  if (hit && Date.now() - hit.at < TOKEN_TTL_MS) return hit.value;
  const value = await getPageAccessToken(storeId);
  tokens.set(storeId, { value, at: Date.now() });
  return value;
}

export function forgetPageCredentials(storeId: string) {
  tokens.delete(storeId);
}
