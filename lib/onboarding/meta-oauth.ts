import { z } from "zod";
import { graphJson } from "@/lib/meta/graph-json";

/** What the connection asks Facebook for: list the seller's Pages, read live comments, answer them and message buyers. */
const META_OAUTH_SCOPES = ["pages_show_list", "pages_read_engagement", "pages_read_user_content", "pages_manage_metadata", "pages_manage_engagement", "pages_messaging"] as const;
const PAGE_WEBHOOK_FIELDS = ["feed", "live_videos", "messages", "messaging_postbacks"] as const;

/**
 * A Page the seller manages, with its Page token (obtained through the long-lived user token, so it does
 * not expire with the login) and the permissions the seller declined or never granted (same for every
 * Page of the login): the store shows `missing_permissions` until they are granted.
 */
/** The permissions the bot needs that `granted` lacks, in the dialog's order. */
export function missingPermissions(granted: Iterable<string>): string[] {
  const have = new Set(granted);
  return META_OAUTH_SCOPES.filter((s) => !have.has(s));
}

export type FacebookPage = { id: string; name: string; access_token: string; missing_permissions: string[] };

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

/**
 * The OAuth callback: the code becomes a short-lived user token (server side, with the app secret), which
 * is exchanged for a long-lived one (about 60 days); the Page tokens listed with the long-lived token do not
 * expire. The granted permissions are read from `/me/permissions`; any the bot needs and lacks is reported
 * per Page.
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
  const tokenBody = z.object({ access_token: z.string().min(1) });
  const shortLived = await graphJson(await doFetch(tokenUrl), tokenBody, "Exchanging the Facebook code");
  const exchangeUrl = new URL(`${base}/oauth/access_token`);
  exchangeUrl.searchParams.set("grant_type", "fb_exchange_token");
  exchangeUrl.searchParams.set("client_id", appId);
  exchangeUrl.searchParams.set("client_secret", appSecret);
  exchangeUrl.searchParams.set("fb_exchange_token", shortLived.access_token);
  const { access_token } = await graphJson(await doFetch(exchangeUrl), tokenBody, "Getting a long-lived Facebook token");
  const auth = { headers: { authorization: `Bearer ${access_token}` } };
  const granted = await graphJson(
    await doFetch(new URL(`${base}/me/permissions`), auth),
    z.object({ data: z.array(z.object({ permission: z.string(), status: z.string() })) }),
    "Reading the granted Facebook permissions",
  );
  const missing = missingPermissions(granted.data.filter((p) => p.status === "granted").map((p) => p.permission));
  const pagesUrl = new URL(`${base}/me/accounts`);
  pagesUrl.searchParams.set("fields", "id,name,access_token");
  pagesUrl.searchParams.set("limit", "100");
  const pages = await graphJson(
    await doFetch(pagesUrl, auth),
    z.object({ data: z.array(z.object({ id: z.string().regex(/^\d+$/), name: z.string(), access_token: z.string().min(1) })) }),
    "Listing your Facebook Pages",
  );
  return pages.data.map((p) => ({ id: p.id, name: p.name, access_token: p.access_token, missing_permissions: [...missing] }));
}

/** Subscribes the app to the Page's webhooks (comments, live status, messages), without which no comment arrives. */
export async function subscribePageToApp({ graphApiUrl, pageId, pageToken, fetch: doFetch = fetch }: { graphApiUrl: string; pageId: string; pageToken: string; fetch?: typeof fetch }) {
  const url = new URL(`${graphApiUrl.replace(/\/$/, "")}/${pageId}/subscribed_apps`);
  url.searchParams.set("subscribed_fields", PAGE_WEBHOOK_FIELDS.join(","));
  await graphJson(await doFetch(url, { method: "POST", headers: { authorization: `Bearer ${pageToken}` } }), z.object({ success: z.boolean() }), "Subscribing the Page to webhooks");
}
