import { createGraphClient, type GraphClient } from "@/lib/meta/graph-client";
import { env } from "@/lib/env";
import { getPageAccessToken } from "@/lib/stores/stores";
import { createKeepAliveFetch } from "./http-fetch";
import { hotPathDb, inRehearsal, prisma } from "@/lib/db";
import { createPagePacer, pacedRate, type PagePacer } from "@/lib/meta/page-pacer";

let client: { baseUrl: string; client: GraphClient } | null = null;

let keepAliveFetch: ReturnType<typeof createKeepAliveFetch> | null = null;

/**
 * One Graph client per process, rebuilt if META_GRAPH_API_URL changes (tests point it at fakes). Its
 * requests go over kept-alive node:http(s) connections rather than the built-in fetch (cheaper per call).
 */
export function graphClient(): GraphClient {
  if (inRehearsal()) throw new Error("no Graph API call in a rehearsal");
  const baseUrl = env().META_GRAPH_API_URL;
  keepAliveFetch ??= createKeepAliveFetch();
  if (client?.baseUrl !== baseUrl) {
    client = {
      baseUrl,
      client: createGraphClient({ baseUrl, maxRetries: 3, baseDelayMs: 200, maxDelayMs: 5_000, fetch: keepAliveFetch as unknown as typeof fetch, pacer: pagePacer(), pageOfToken: (token) => pageByToken.get(token) ?? null }),
    };
  }
  return client.client;
}

let pacer: PagePacer | null = null;

/** One pacer per process (its schedule is shared through PostgreSQL); rates read from the environment on each reservation. */
function pagePacer(): PagePacer {
  pacer ??= createPagePacer({
    db: hotPathDb,
    ratePerSecond: (bucket) => pacedRate(bucket.endsWith(":reply") ? env().META_PAGE_REPLIES_PER_SECOND : env().META_PAGE_SENDS_PER_SECOND),
  });
  return pacer;
}

/** Page id by token, learnt from pageCredentials: a public reply's path names the comment, not the Page. */
const pageByToken = new Map<string, string>();

const TOKEN_TTL_MS = 60_000;
type Credentials = { pageId: string; token: string; disconnected: boolean } | null;
const tokens = new Map<string, { value: Promise<Credentials>; at: number }>();

/**
 * The decrypted Page token, kept in memory for a minute so the hot path does not read and decrypt it per
 * message. Concurrent callers share one lookup; a failed lookup is not cached.
 */
export function pageCredentials(storeId: string): Promise<Credentials> {
  // A rehearsal's synthetic store has no Page: its replies are recorded as not sent, and rolled back.
  if (inRehearsal()) return Promise.resolve(null);
  const hit = tokens.get(storeId);
  if (hit && Date.now() - hit.at < TOKEN_TTL_MS) return hit.value;
  const entry = { value: getPageAccessToken(storeId), at: Date.now() };
  tokens.set(storeId, entry);
  void entry.value.then((creds) => {
    if (creds) pageByToken.set(creds.token, creds.pageId);
    if (pageByToken.size > 10_000) pageByToken.clear();
  }, () => {});
  entry.value.catch(() => {
    if (tokens.get(storeId) === entry) tokens.delete(storeId);
  });
  return entry.value;
}

/**
 * Loads the Page credentials of every store with a live on air (at most `limit`), so a worker started
 * during a live (a deploy) has them before its first comment: the first lookup of a process also opens
 * the Prisma client, which otherwise held up the first replies by a few hundred milliseconds.
 */
export async function loadCredentialsOfLiveStores({ limit = 500 }: { limit?: number } = {}): Promise<number> {
  const lives = await prisma.live.findMany({ where: { status: "ACTIVE" }, select: { storeId: true }, distinct: ["storeId"], take: limit });
  const loaded = await Promise.all(lives.map(({ storeId }) => pageCredentials(storeId).catch(() => null)));
  return loaded.filter(Boolean).length;
}

export function forgetPageCredentials(storeId: string) {
  tokens.delete(storeId);
}
