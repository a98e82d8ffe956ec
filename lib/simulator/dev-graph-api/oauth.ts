// Facebook Login and tokens: GET /oauth/access_token (code → user token, fb_exchange_token → long-lived),
// GET /debug_token, GET /me/permissions and GET /me/accounts (the Pages with their Page tokens).

import { randomBytes } from "node:crypto";
import { fail, type Handled } from "./replies";
import type { FakeGraphState } from "./state";
import type { FakeFacebookLogin, FakeGraphCall, FakeLoginTokens, FakeTokenInfo } from "./types";

/** Every permission the product asks for in the dialog (lib/onboarding/meta-oauth.ts). */
const ALL_SCOPES = ["pages_show_list", "pages_read_engagement", "pages_read_user_content", "pages_manage_metadata", "pages_manage_engagement", "pages_messaging"];

const OAUTH_ERROR = { status: 400, code: 1, type: "OAuthException", message: "Error validating client secret." } as const;

/** Registers a login: its code, its short- and long-lived user tokens and a Page token per Page. */
export function addFacebookLogin(state: FakeGraphState, login: FakeFacebookLogin): FakeLoginTokens {
  const tag = `${login.code.replace(/[^\w-]/g, "").slice(0, 24)}-${randomBytes(4).toString("hex")}`;
  const tokens: FakeLoginTokens = {
    userToken: `EAAfake-user-${tag}`,
    longLivedToken: `EAAfake-long-${tag}`,
    pageTokens: Object.fromEntries(login.pages.map((p) => [p.id, `EAAfake-page-${p.id}-${tag}`])),
  };
  state.loginCodes.set(login.code, { login, tokens, used: false });
  state.userTokens.set(tokens.userToken, { login, tokens, longLived: false });
  state.userTokens.set(tokens.longLivedToken, { login, tokens, longLived: true });
  for (const [pageId, token] of Object.entries(tokens.pageTokens)) state.pageOfToken.set(token, pageId);
  return tokens;
}

/** GET /oauth/access_token: an authorization code (once) → a short-lived user token; fb_exchange_token → a long-lived one. */
export function handleOAuth(state: FakeGraphState, query: URLSearchParams, facts: Partial<FakeGraphCall>): Handled {
  const { app } = state;
  const appOk = !app || (query.get("client_id") === app.appId && query.get("client_secret") === app.appSecret);
  if (!appOk) return fail(state, OAUTH_ERROR, facts);
  if (query.get("grant_type") === "fb_exchange_token") {
    const user = state.userTokens.get(query.get("fb_exchange_token") ?? "");
    if (!user || state.revoked.has(user.tokens.userToken)) return fail(state, { status: 400, code: 190, message: "Error validating access token: Session has expired." }, facts);
    return { status: 200, response: { access_token: user.tokens.longLivedToken, token_type: "bearer", expires_in: 5_183_944 }, facts };
  }
  const entry = state.loginCodes.get(query.get("code") ?? "");
  if (!entry) return fail(state, { status: 400, code: 100, subcode: 36007, message: "Invalid verification code format." }, facts);
  if (entry.used) return fail(state, { status: 400, code: 100, subcode: 36009, message: "This authorization code has been used." }, facts);
  if (!query.get("redirect_uri")) return fail(state, { status: 400, code: 100, message: "Missing redirect_uri parameter." }, facts);
  entry.used = true;
  return { status: 200, response: { access_token: entry.tokens.userToken, token_type: "bearer", expires_in: 5_400 }, facts };
}

/** What debug_token knows of a token: a login's tokens, a Page token it handed out, or any token the fake accepts (a Page token that never expires). */
function describeToken(state: FakeGraphState, token: string): FakeTokenInfo {
  const now = Math.floor(Date.now() / 1000);
  let base: FakeTokenInfo = { is_valid: state.acceptToken(token), type: "PAGE", expires_at: 0, data_access_expires_at: now + 90 * 86_400, scopes: [...ALL_SCOPES] };
  const user = state.userTokens.get(token);
  if (user) base = { ...base, type: "USER", expires_at: now + (user.longLived ? 5_183_944 : 5_400), scopes: ALL_SCOPES.filter((sc) => !(user.login.declined ?? []).includes(sc)) };
  for (const u of state.userTokens.values()) {
    const pageId = Object.entries(u.tokens.pageTokens).find(([, t]) => t === token)?.[0];
    if (pageId) base = { ...base, type: "PAGE", profile_id: pageId, scopes: ALL_SCOPES.filter((sc) => !(u.login.declined ?? []).includes(sc)) };
  }
  const info = { ...base, ...state.tokenInfo.get(token) };
  if (state.revoked.has(token)) return { ...info, is_valid: false, scopes: [], error: { code: 190, subcode: 460, message: "The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons." } };
  return info;
}

/** GET /debug_token?input_token=…, with the app token `{app-id}|{app-secret}` as Meta requires. */
export function handleDebugToken(state: FakeGraphState, query: URLSearchParams, token: string, facts: Partial<FakeGraphCall>): Handled {
  const { app } = state;
  if (app && token !== `${app.appId}|${app.appSecret}`) return fail(state, { status: 400, code: 190, message: "Invalid OAuth access token signature." }, facts);
  const input = query.get("input_token");
  if (!input) return fail(state, { status: 400, code: 100, message: "(#100) The parameter input_token is required" }, facts);
  const info = describeToken(state, input);
  return { status: 200, response: { data: { app_id: app?.appId ?? "0", application: "LiveStreamSell", issued_at: Math.floor(Date.now() / 1000) - 3600, ...info } }, facts };
}

/** GET /me/permissions (declined ones as "declined") and GET /me/accounts (the Pages with their Page tokens), for a user token. */
export function handleMe(state: FakeGraphState, path: "/me/accounts" | "/me/permissions", token: string, facts: Partial<FakeGraphCall>): Handled {
  const user = state.userTokens.get(token);
  if (!user || state.revoked.has(token)) return fail(state, { status: 400, code: 190, message: "Invalid OAuth access token - Cannot parse access token" }, facts);
  if (path === "/me/permissions") {
    const declined = user.login.declined ?? [];
    return { status: 200, response: { data: ALL_SCOPES.map((permission) => ({ permission, status: declined.includes(permission) ? "declined" : "granted" })) }, facts: { ...facts, kind: "permissions" } };
  }
  const pages = user.login.pages.map((p) => ({ id: p.id, name: p.name, category: "Shopping & retail", tasks: ["MODERATE", "MESSAGING", "ANALYZE", "ADVERTISE", "CREATE_CONTENT", "MANAGE"], access_token: user.tokens.pageTokens[p.id]! }));
  return { status: 200, response: { data: pages, paging: { cursors: { before: "MA", after: "MA" } } }, facts: { ...facts, kind: "accounts" } };
}
