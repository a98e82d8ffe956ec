import { beforeEach, describe, expect, test } from "vitest";
import { exchangeCodeForPages, facebookDialogUrl, graphVersion, subscribePageToApp } from "@/lib/onboarding/meta-oauth";
import { connectFacebookPage } from "@/lib/onboarding/meta-connect";
import * as storeRoute from "@/app/api/v1/stores/[id]/route";
import type { FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

// The development fake Graph API (lib/simulator/dev-graph-api/) plays Meta: the same server the
// simulator and the bench use, so the OAuth code exchange is exercised against one implementation.
const fakeGraph = fakeGraphPerFile();
let graph: FakeGraphServer;
const APP = { appId: "123", appSecret: "app-secret" };
beforeEach(() => {
  graph = fakeGraph();
  graph.configureApp(APP);
});

describe("Facebook Page connection (OAuth)", () => {
  test("the consent dialog asks for the Page permissions the bot needs, on the API's Graph version, with the state", () => {
    const url = new URL(facebookDialogUrl({ appId: "123", redirectUri: "https://shop.example/dashboard/onboarding/meta/callback", state: "s-1", graphApiUrl: "https://graph.facebook.com/v24.0" }));
    expect(url.origin + url.pathname).toBe("https://www.facebook.com/v24.0/dialog/oauth");
    expect(url.searchParams.get("client_id")).toBe("123");
    expect(url.searchParams.get("state")).toBe("s-1");
    expect(url.searchParams.get("redirect_uri")).toBe("https://shop.example/dashboard/onboarding/meta/callback");
    expect(url.searchParams.get("scope")!.split(",")).toEqual(expect.arrayContaining(["pages_show_list", "pages_messaging", "pages_read_user_content", "pages_manage_metadata"]));
    expect(graphVersion("http://127.0.0.1:9/v19.0")).toBe("v19.0");
  });

  test("the code becomes a user token server-side, exchanged for a long-lived one, which lists the seller's Pages with lasting Page tokens and what was not granted", async () => {
    // The seller unticked "manage engagement" in the dialog.
    const login = graph.addFacebookLogin({ code: "the-code", pages: [{ id: "111222333", name: "Tienda Ana" }, { id: "444555666", name: "Outlet Ana" }], declined: ["pages_manage_engagement"] });
    const pages = await exchangeCodeForPages({ graphApiUrl: graph.url, ...APP, redirectUri: "https://shop.example/cb", code: "the-code" });
    expect(pages).toEqual([
      { id: "111222333", name: "Tienda Ana", access_token: login.pageTokens["111222333"], missing_permissions: ["pages_manage_engagement"] },
      { id: "444555666", name: "Outlet Ana", access_token: login.pageTokens["444555666"], missing_permissions: ["pages_manage_engagement"] },
    ]);
    const seen = graph.calls;
    expect(seen.map((c) => c.kind)).toEqual(["oauth", "oauth", "permissions", "accounts"]);
    expect(seen.every((c) => c.status === 200)).toBe(true);
    // The user token travels in a header, never in a URL that proxies might log; the long-lived one lists the Pages.
    for (const c of seen.slice(2)) expect(c.token).toBe(login.longLivedToken);
  });

  test("a refused code surfaces Meta's own message, and a code works only once", async () => {
    graph.addFacebookLogin({ code: "once", pages: [{ id: "111222333", name: "Tienda Ana" }] });
    await exchangeCodeForPages({ graphApiUrl: graph.url, ...APP, redirectUri: "x", code: "once" });
    await expect(exchangeCodeForPages({ graphApiUrl: graph.url, ...APP, redirectUri: "x", code: "once" })).rejects.toThrow("This authorization code has been used.");
    await expect(exchangeCodeForPages({ graphApiUrl: graph.url, appId: "123", appSecret: "wrong", redirectUri: "x", code: "nope" })).rejects.toThrow("Error validating client secret.");
  });

  test("the chosen Page is subscribed to the comment, live and message webhooks with its own token", async () => {
    await subscribePageToApp({ graphApiUrl: graph.url, pageId: "111222333", pageToken: "PAGE-TOKEN-1" });
    const [sub] = graph.calls;
    expect(sub).toMatchObject({ method: "POST", kind: "subscribed_apps", token: "PAGE-TOKEN-1", pageId: "111222333", status: 200 });
    graph.revokeToken("REVOKED");
    await expect(subscribePageToApp({ graphApiUrl: graph.url, pageId: "999", pageToken: "REVOKED" })).rejects.toThrow("session has been invalidated");
  });

  test("a Page connected without a permission the bot needs shows meta_status missing_permissions until a reconnect grants it", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken, { fb_page_id: "111222333" });
    const page = { id: "111222333", name: "Tienda Ana", access_token: "PAGE-TOKEN-1" };
    await connectFacebookPage({ storeId: store.id, userId: owner.userId, page: { ...page, missing_permissions: ["pages_manage_engagement"] }, graphApiUrl: graph.url });
    const read = async () => (await call(storeRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body as { meta_status: string; meta_missing_permissions: string[] };
    expect(await read()).toMatchObject({ meta_status: "missing_permissions", meta_missing_permissions: ["pages_manage_engagement"] });
    await connectFacebookPage({ storeId: store.id, userId: owner.userId, page: { ...page, missing_permissions: [] }, graphApiUrl: graph.url });
    expect(await read()).toMatchObject({ meta_status: "connected", meta_missing_permissions: [] });
  });
});
