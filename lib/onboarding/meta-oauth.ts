import { z } from "zod";

/** What the connection asks Facebook for: list the seller's Pages, read live comments, answer them and message buyers. */
const META_OAUTH_SCOPES = ["pages_show_list", "pages_read_engagement", "pages_read_user_content", "pages_manage_metadata", "pages_manage_engagement", "pages_messaging"] as const;
const PAGE_WEBHOOK_FIELDS = ["feed", "live_videos", "messages", "messaging_postbacks"] as const;

export type FacebookPage = { id: string; name: string; access_token: string };

/** The Graph version the product talks to ("v24.0"), taken from META_GRAPH_API_URL so the dialog and API agree. */
export function graphVersion(graphApiUrl: string) {
  return /\/(v\d+\.\d+)\/?$/.exec(graphApiUrl)?.[1] ?? "v24.0";
}

export function facebookDialogUrl({ appId, redirectUri, state, graphApiUrl }: { appId: string; redirectUri: string; state: string; graphApiUrl: string }) {
  const url = new URL(`https://www.facebook.com/${graphVersion(graphApiUrl)}/dialog/oauth`);
  url.searchParams.set("client_id", appId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", state);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", META_OAUTH_SCOPES.join(","));
  return url.toString();
}

const graphError = z.object({ error: z.object({ message: z.string(), code: z.number().optional() }) });

async function graphJson<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = graphError.safeParse(body);
    throw new Error(`${what} failed: ${e.success ? e.data.error.message : `HTTP ${res.status}`}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${what} answered an unexpected body`);
  return parsed.data;
}

/**
 * The OAuth callback: the code becomes a user token (server side, with the app secret), and the user
 * token lists the Pages the seller manages, each with its own Page token.
 */
export async function exchangeCodeForPages({ graphApiUrl, appId, appSecret, redirectUri, code, fetch: doFetch = fetch }: {
  graphApiUrl: string; appId: string; appSecret: string; redirectUri: string; code: string; fetch?: typeof fetch;
}): Promise<FacebookPage[]> {
  const base = graphApiUrl.replace(/\/$/, "");
  const tokenUrl = new URL(`${base}/oauth/access_token`);
  tokenUrl.searchParams.set("client_id", appId);
  tokenUrl.searchParams.set("redirect_uri", redirectUri);
  tokenUrl.searchParams.set("client_secret", appSecret);
  tokenUrl.searchParams.set("code", code);
  const { access_token } = await graphJson(await doFetch(tokenUrl), z.object({ access_token: z.string().min(1) }), "Exchanging the Facebook code");
  const pagesUrl = new URL(`${base}/me/accounts`);
  pagesUrl.searchParams.set("fields", "id,name,access_token");
  pagesUrl.searchParams.set("limit", "100");
  const pages = await graphJson(
    await doFetch(pagesUrl, { headers: { authorization: `Bearer ${access_token}` } }),
    z.object({ data: z.array(z.object({ id: z.string().regex(/^\d+$/), name: z.string(), access_token: z.string().min(1) })) }),
    "Listing your Facebook Pages",
  );
  return pages.data;
}

/** Subscribes the app to the Page's webhooks (comments, live status, messages), without which no comment arrives. */
export async function subscribePageToApp({ graphApiUrl, pageId, pageToken, fetch: doFetch = fetch }: { graphApiUrl: string; pageId: string; pageToken: string; fetch?: typeof fetch }) {
  const url = new URL(`${graphApiUrl.replace(/\/$/, "")}/${pageId}/subscribed_apps`);
  url.searchParams.set("subscribed_fields", PAGE_WEBHOOK_FIELDS.join(","));
  await graphJson(await doFetch(url, { method: "POST", headers: { authorization: `Bearer ${pageToken}` } }), z.object({ success: z.boolean() }), "Subscribing the Page to webhooks");
}
